import Hashing
import TestSupport
import XCTest

@testable import Datasets

final class CompactCacheTests: XCTestCase {
    private let train = ImageSet(count: 3, height: 2, width: 2, channels: 1, pixels: Array(0..<12), labels: [1, 2, 3])
    private let test = ImageSet(count: 1, height: 2, width: 2, channels: 1, pixels: [9, 9, 9, 9], labels: [0])
    private let sources = ["source.csv": String(repeating: "ab", count: 32)]

    private func makeCache() throws -> CompactCache {
        CompactCache(
            directory: try Scratch.directory(self, prefix: "nbrun-datasets").appendingPathComponent("tiny"),
            dataset: "tiny")
    }

    func testRoundTripRecordsChecksumsOfTheFilesWritten() throws {
        let cache = try makeCache()
        let written = try cache.write(CompactCache.encode(train: train, test: test), sources: sources)
        let read = try cache.read(expectedSources: sources)
        XCTAssertEqual(read.train, train)
        XCTAssertEqual(read.test, test)
        XCTAssertEqual(read.checksums, written)
        XCTAssertEqual(read.sources, sources)
        XCTAssertEqual(
            Set(written.keys),
            [
                "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
            ])
        let onDisk = try FileBytes.contents(of: cache.directory.appendingPathComponent("train-images-idx3-ubyte"))
        XCTAssertEqual(written["train-images-idx3-ubyte"], SHA256Hex.of(onDisk))
        // The compact form is plain IDX: the generic IDX loader reads it too.
        let viaIDX = try DatasetLoader(dataDirectory: cache.directory)
            .load(.idx(directory: cache.directory.path))
        XCTAssertEqual(viaIDX.train, train)
        XCTAssertEqual(viaIDX.checksums, written)
    }

    func testLeftoverTemporaryFilesAreIgnoredAndNoneRemainAfterWriting() throws {
        let cache = try makeCache()
        try cache.write(CompactCache.encode(train: train, test: test), sources: sources)
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.directory.path).sorted()
        XCTAssertEqual(
            names,
            [
                "manifest.json", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
                "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            ])
        // An interrupted writer leaves a half-written temporary file: readers never look at it.
        try TinyData.write(
            [0, 0, 8], cache.directory.appendingPathComponent(".train-images-idx3-ubyte.tmp-99-dead"))
        try TinyData.write("{", cache.directory.appendingPathComponent(".manifest.json.tmp-99-dead"))
        XCTAssertEqual(try cache.read(expectedSources: sources).train, train)
    }

    func testCorruptMissingOrStaleCachesAreRejectedWithTheReason() throws {
        let cache = try makeCache()
        let dir = cache.directory.path
        XCTAssertEqual(
            TinyData.message { _ = try cache.read(expectedSources: sources) },
            "\(dir)/manifest.json does not exist")
        try cache.write(CompactCache.encode(train: train, test: test), sources: sources)
        XCTAssertEqual(
            TinyData.message { _ = try cache.read(expectedSources: ["other": "00"]) },
            "\(dir)/manifest.json was built from other source files")

        let labels = cache.directory.appendingPathComponent("train-labels-idx1-ubyte")
        var bytes = try FileBytes.contents(of: labels)
        let good = SHA256Hex.of(bytes)
        bytes[bytes.count - 1] ^= 1
        try TinyData.write(bytes, labels)
        XCTAssertEqual(
            TinyData.message { _ = try cache.read(expectedSources: sources) },
            "\(dir)/train-labels-idx1-ubyte has SHA-256 \(SHA256Hex.of(bytes)), the manifest says \(good)")
        try TinyData.write(Array(bytes.dropLast()), labels)
        XCTAssertEqual(
            TinyData.message { _ = try cache.read(expectedSources: sources) },
            "\(dir)/train-labels-idx1-ubyte has 10 bytes, the manifest says 11")
        try FileManager.default.removeItem(at: labels)
        XCTAssertEqual(
            TinyData.message { _ = try cache.read(expectedSources: sources) },
            "\(dir)/train-labels-idx1-ubyte does not exist")
        // Rewriting repairs it.
        try cache.write(CompactCache.encode(train: train, test: test), sources: sources)
        XCTAssertEqual(try cache.read(expectedSources: sources).test, test)
    }

    func testAtomicWriteReplacesWholeFiles() throws {
        let dir = try Scratch.directory(self, prefix: "nbrun-datasets")
        let url = dir.appendingPathComponent("f")
        try FileBytes.writeAtomically([1, 2, 3], to: url)
        try FileBytes.writeAtomically([4], to: url)
        XCTAssertEqual(try FileBytes.contents(of: url), [4])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["f"])
    }
}
