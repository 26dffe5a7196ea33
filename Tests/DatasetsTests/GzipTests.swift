import XCTest

@testable import Datasets

final class GzipTests: XCTestCase {
    private let payload: [UInt8] = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31 ^ ($0 >> 7)) }

    func testRoundTripAndDetection() throws {
        let gz = try Gzip.compress(payload)
        XCTAssertTrue(Gzip.isCompressed(gz))
        XCTAssertFalse(Gzip.isCompressed(payload))
        XCTAssertEqual(try Gzip.decompress(gz, name: "p.gz"), payload)
        XCTAssertEqual(try Gzip.decompress(try Gzip.compress([]), name: "empty.gz"), [])
    }

    func testConcatenatedMembersAreAllRead() throws {
        let a: [UInt8] = Array("first member ".utf8)
        let b: [UInt8] = Array("second member".utf8)
        XCTAssertEqual(try Gzip.decompress(try Gzip.compress(a) + Gzip.compress(b), name: "ab.gz"), a + b)
    }

    func testTruncatedCorruptAndTrailingGarbageAreErrors() throws {
        let gz = try Gzip.compress(payload)
        XCTAssertEqual(
            TinyData.message { _ = try Gzip.decompress(Array(gz.prefix(gz.count / 2)), name: "t.gz") },
            "t.gz is truncated: the gzip data ends before the end of the stream")
        var corrupt = gz
        corrupt[3] = 0xFF  // reserved flag bits set: zlib rejects the header
        XCTAssertEqual(
            TinyData.message { _ = try Gzip.decompress(corrupt, name: "c.gz") },
            "c.gz is not valid gzip data (zlib: unknown header flags set)")
        XCTAssertEqual(
            TinyData.message { _ = try Gzip.decompress(gz + [1, 2, 3], name: "g.gz") },
            "g.gz has 3 bytes of trailing garbage after the gzip data")
    }
}
