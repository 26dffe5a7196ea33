import Engine
import Foundation
import NotebookFormat
import TestSupport
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
        let root = try Scratch.directory(self, prefix: "nbrun-cache").appendingPathComponent("cache")
        let cache = ResultCache(root: root)
        struct Interrupted: Error {}
        XCTAssertThrowsError(
            try cache.store(key: "abcd") { folder in
                try Data("half".utf8).write(to: folder.appendingPathComponent("a"))
                throw Interrupted()
            })
        XCTAssertNil(cache.entry(for: "abcd"))
        try cache.store(key: "abcd") { try Data("whole".utf8).write(to: $0.appendingPathComponent("a")) }
        let entry = try XCTUnwrap(cache.entry(for: "abcd"))
        XCTAssertEqual(try String(contentsOf: entry.appendingPathComponent("a"), encoding: .utf8), "whole")
    }

    func testWeightsRoundTripExactly() throws {
        let folder = try Scratch.directory(self, prefix: "nbrun-weights")
        let tensors: [[Float]] = [[1.5, -0.0, .leastNonzeroMagnitude], [], [3.25]]
        _ = folder
        let (values, lengths) = try CachedFloats.encode(tensors)
        XCTAssertEqual(
            CachedFloats.decode(values: values, lengths: lengths)?.map { $0.map(\.bitPattern) },
            tensors.map { $0.map(\.bitPattern) })
        XCTAssertNil(CachedFloats.decode(values: values.dropLast(4), lengths: lengths))
    }

    func testKerasStyleProgressLine() {
        XCTAssertEqual(
            ProgressBar.line(step: 750, steps: 1500, eta: 3.2, loss: 0.03125, accuracy: 0.99),
            " 750/1500 ━━━━━━━━━━────────── ETA 3.2s - loss: 0.0312 - accuracy: 0.9900")
    }

    func testCacheFolderFollowsTheEnvironment() {
        XCTAssertEqual(RunOptions.defaultCacheDirectory(environment: ["NBRUN_CACHE": "/x"]).path, "/x")
        XCTAssertEqual(
            RunOptions.defaultCacheDirectory(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]).path,
            "/c/nbrun/results")
        XCTAssertEqual(RunOptions.defaultCacheDirectory(environment: ["HOME": "/h"]).path, "/h/.cache/nbrun/results")
    }
}

/// Keras-style progress: a live bar on a terminal, one plain line per epoch otherwise, nothing when quiet.
final class ProgressPrinterTests: XCTestCase {
    private func run(interactive: Bool, quiet: Bool = false) -> String {
        var text = ""
        let printer = ProgressPrinter(quiet: quiet, interactive: interactive) { text += $0 }
        let step = DirectiveStep(
            index: 3, total: 7, kind: .train, id: "run", location: SourceLocation(file: "t.md", line: 1, column: 1))
        printer.receive(.stageStarted(StageStep(stage: .execute, index: 3, total: 6), detail: "7 directives"))
        printer.receive(.directiveCached(step))
        printer.receive(.training(step, .epochBegan(epoch: 1, of: 2, steps: 4)))
        for n in 1...4 {
            printer.receive(.training(step, .batchEnded(epoch: 1, step: n, steps: 4, loss: 0.5, accuracy: 0.75)))
        }
        printer.receive(
            .training(
                step,
                .epochEnded(
                    epoch: 1,
                    record: EpochRecord(loss: 0.5, accuracy: 0.75, valLoss: 0.25, valAccuracy: 0.875, seconds: 2))))
        return text
    }

    func testPlainOutputHasOneLinePerEpoch() {
        XCTAssertEqual(
            run(interactive: false),
            """
            [3/6] execute (7 directives)
              [3/7] train run (cached)
                  epoch 1: 2.0s - loss: 0.5000 - accuracy: 0.7500 - val_loss: 0.2500 - val_accuracy: 0.8750

            """)
    }

    func testTerminalOutputRedrawsOneBarAndEndsTheEpochWithKerasLine() {
        let text = run(interactive: true)
        XCTAssertTrue(text.contains("      Epoch 1/2\n"), text)
        XCTAssertTrue(text.contains("\r      4/4 ━━━━━━━━━━━━━━━━━━━━ ETA"), text)
        XCTAssertTrue(
            text.hasSuffix(
                "\r      4/4 ━━━━━━━━━━━━━━━━━━━━ 2.0s 500ms/step - loss: 0.5000 - accuracy: 0.7500"
                    + " - val_loss: 0.2500 - val_accuracy: 0.8750\u{1B}[K\n"), text)
    }

    func testQuietPrintsNothing() {
        XCTAssertEqual(run(interactive: true, quiet: true), "")
    }
}
