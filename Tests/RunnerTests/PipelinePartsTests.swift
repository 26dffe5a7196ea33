import Foundation
import XCTest
@testable import Runner

/// Cache keys, seeds, the results cache and progress text.
final class PipelinePartsTests: XCTestCase {
    func testSeedsDependOnRootAndIdOnly() {
        XCTAssertEqual(CacheKey.seed(root: 0, id: "a"), CacheKey.seed(root: 0, id: "a"))
        XCTAssertNotEqual(CacheKey.seed(root: 0, id: "a"), CacheKey.seed(root: 1, id: "a"))
        XCTAssertNotEqual(CacheKey.seed(root: 0, id: "a"), CacheKey.seed(root: 0, id: "b"))
    }

    func testCacheEntriesAppearWholeOrNotAtAll() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nbrun-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = ResultCache(root: root)
        struct Interrupted: Error {}
        XCTAssertThrowsError(try cache.store(key: "abcd") { folder in
            try Data("half".utf8).write(to: folder.appendingPathComponent("a"))
            throw Interrupted()
        })
        XCTAssertNil(cache.entry(for: "abcd"))
        try cache.store(key: "abcd") { try Data("whole".utf8).write(to: $0.appendingPathComponent("a")) }
        let entry = try XCTUnwrap(cache.entry(for: "abcd"))
        XCTAssertEqual(try String(contentsOf: entry.appendingPathComponent("a"), encoding: .utf8), "whole")
    }

    func testWeightsRoundTripExactly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nbrun-w-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tensors: [[Float]] = [[1.5, -0.0, .leastNonzeroMagnitude], [], [3.25]]
        try CachedFloats.write(tensors, to: folder, name: "w")
        XCTAssertEqual(CachedFloats.read(from: folder, name: "w")?.map { $0.map(\.bitPattern) }, tensors.map { $0.map(\.bitPattern) })
    }

    func testKerasStyleProgressLine() {
        XCTAssertEqual(ProgressBar.line(step: 750, steps: 1500, eta: 3.2, loss: 0.03125, accuracy: 0.99),
                       " 750/1500 ━━━━━━━━━━────────── ETA 3.2s - loss: 0.0312 - accuracy: 0.9900")
    }

    func testCacheFolderFollowsTheEnvironment() {
        XCTAssertEqual(RunOptions.defaultCacheDirectory(environment: ["NBRUN_CACHE": "/x"]).path, "/x")
        XCTAssertEqual(RunOptions.defaultCacheDirectory(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]).path, "/c/nbrun/results")
        XCTAssertEqual(RunOptions.defaultCacheDirectory(environment: ["HOME": "/h"]).path, "/h/.cache/nbrun/results")
    }
}
