import Foundation
import XCTest

/// `prune`, `sweep` and `histogram` through the real CLI on the MNIST subset (Fixtures/notebooks/pruning.md).
final class PruningEndToEndTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws { harness = try CommandLineHarness() }
    override func tearDown() { harness.cleanUp() }

    private func lock(_ notebook: URL) throws -> [String: Any] {
        let url = notebook.deletingPathExtension().appendingPathExtension("lock.json")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    private func metrics(_ lock: [String: Any], _ id: String) -> [String: Double] {
        let directive = (lock["directives"] as? [String: Any])?[id] as? [String: Any]
        return directive?["metrics"] as? [String: Double] ?? [:]
    }

    func testPruneSweepAndHistogramRunCacheAndCheck() throws {
        let notebook = try harness.notebook("pruning.md")
        let first = try harness.run([notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(first.status, 0, first.stderr)
        let html = try String(
            contentsOf: harness.folder.appendingPathComponent("output/pruning/index.html"), encoding: .utf8)
        XCTAssertFalse(html.contains("{{"), "unreplaced inline value")
        XCTAssertTrue(html.contains("test accuracy (fine-tuned)"), "the prune's results table")
        XCTAssertTrue(html.contains("val accuracy (last)"), "the sweep's results table")
        for figure in ["accuracy_vs_sparsity.png", "weights.png"] {
            let data = try Data(contentsOf: harness.folder.appendingPathComponent("output/pruning/figures/\(figure)"))
            XCTAssertEqual(Array(data.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "\(figure) is not a PNG")
        }
        let recorded = try lock(notebook)
        let pruned = metrics(recorded, "prune pruned")
        // 36 + 21,632 + 320 = 21,988 kernel weights, round(0.9 x 21,988) = 19,789 removed.
        let kept = ["conv2d", "dense", "dense_1"].map { pruned["nonzero.\($0)@0.9"] ?? -1 }.reduce(0, +)
        XCTAssertEqual(kept, 21_988 - 19_789, "masks held through fine-tuning: exactly the kept weights are non-zero")
        XCTAssertLessThan(pruned["size_sparse@0.9"] ?? .infinity, (pruned["size_dense"] ?? 0) / 5)
        XCTAssertNotNil(pruned["accuracy_finetuned@0.5"])
        XCTAssertEqual(metrics(recorded, "sweep rates").count, 4, "test accuracy and loss per point")

        let second = try harness.run([notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(second.status, 0, second.stderr)
        for step in ["sweep rates (cached)", "prune pruned (cached)", "prune gradual (cached)"] {
            XCTAssertTrue(second.stderr.contains(step), second.stderr)
        }
        // One more level: only that level is computed.
        let edited = try harness.notebook("pruning.md") {
            $0.replacingOccurrences(of: "sparsity: [0.5, 0.9]", with: "sparsity: [0.5, 0.7, 0.9]")
        }
        let third = try harness.run([edited.path] + harness.fixtureArguments)
        XCTAssertEqual(third.status, 0, third.stderr)
        XCTAssertTrue(third.stderr.contains("prune pruned (2 of 3 levels cached)"), third.stderr)

        let check = try harness.run(["check", edited.path] + harness.fixtureArguments)
        XCTAssertEqual(check.status, 0, check.stderr + check.stdout)
        XCTAssertFalse(check.stdout.contains("CHANGED"), check.stdout)
    }
}
