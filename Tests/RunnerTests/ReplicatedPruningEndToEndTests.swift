import Foundation
import XCTest

/// `prune` and `sweep` of a replicated train through the CLI on the MNIST subset: replicate i is
/// pruned and swept with the weights and seed of the train's replicate i, replicate 1 is the run
/// `seeds: 1` gives bit for bit, the tables show mean ± sd, and the lock records every replicate.
final class ReplicatedPruningEndToEndTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws {
        harness = try CommandLineHarness()
    }

    override func tearDown() {
        harness.cleanUp()
    }

    private func lock() throws -> [String: Any] {
        let data = try Data(contentsOf: harness.folder.appendingPathComponent("replicated-pruning.lock.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap(json["directives"] as? [String: Any])
    }

    private func metrics(_ directives: [String: Any], _ node: String) throws -> NSDictionary {
        let record = try XCTUnwrap(directives[node] as? [String: Any], node)
        return try XCTUnwrap(record["metrics"] as? NSDictionary, node)
    }

    func testReplicateOneIsTheSingleSeedRunAndEveryReplicateIsLocked() throws {
        let notebook = try harness.notebook("replicated-pruning.md")
        let single = try harness.run([notebook.path, "--set", "seeds=1"] + harness.fixtureArguments)
        XCTAssertEqual(single.status, 0, single.stderr)
        let one = try lock()
        XCTAssertNil(one["prune pruned[2]"])

        let two = try harness.run([notebook.path, "--set", "seeds=2"] + harness.fixtureArguments)
        XCTAssertEqual(two.status, 0, two.stderr)
        // Only replicate 2 was new: its levels and points ran, replicate 1's came from the cache.
        XCTAssertTrue(two.stderr.contains("2 of 4 levels cached over 2 seeds"), two.stderr)
        XCTAssertTrue(two.stderr.contains("2 of 4 points cached over 2 seeds"), two.stderr)
        let replicated = try lock()
        for node in ["prune pruned", "sweep rates"] {
            XCTAssertEqual(try metrics(replicated, node), try metrics(one, node), "\(node): replicate 1 changed")
            XCTAssertNotNil(replicated[node + "[2]"], node)
        }
        // Replicate 2 was pruned from its own weights: its accuracies are not replicate 1's.
        XCTAssertNotEqual(
            try metrics(replicated, "prune pruned[2]")["accuracy@0.9"] as? Double,
            try metrics(replicated, "prune pruned")["accuracy@0.9"] as? Double)
        XCTAssertNotEqual(
            try metrics(replicated, "sweep rates[2]")["test_accuracy@0.0"] as? Double,
            try metrics(replicated, "sweep rates")["test_accuracy@0.0"] as? Double)

        let html = try String(
            contentsOf: harness.folder.appendingPathComponent("output/replicated-pruning/index.html"), encoding: .utf8)
        // Table cells and prose: mean ± sd over the two seeds.
        XCTAssertNotNil(html.range(of: #"<td[^>]*>\d+\.\d{2} ± \d+\.\d{2}%</td>"#, options: .regularExpression), html)
        XCTAssertNotNil(html.range(of: #"accuracy is \d+\.\d{2} ± \d+\.\d{2}%"#, options: .regularExpression), html)
        XCTAssertTrue(html.contains("(2 sweep points)"), html)
        XCTAssertTrue(html.contains("At 90% of"), html)

        let again = try harness.run([notebook.path, "--set", "seeds=2"] + harness.fixtureArguments)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("prune pruned (cached)"), again.stderr)
        XCTAssertTrue(again.stderr.contains("sweep rates (cached)"), again.stderr)

        let check = try harness.run(["check", notebook.path, "--set", "seeds=2"] + harness.fixtureArguments)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    /// A replicated prune value printed without a filter over seeds is refused before anything
    /// trains; settings the same in every seed (`sparsity`, `prunable`, `points`) print as they are.
    func testReplicatedPruneValuesNeedAFilter() throws {
        let notebook = try harness.notebook("replicated-pruning.md") {
            $0 + "\nBare {{ pruned.accuracy.last | percent(1) }} and {{ rates.test_accuracy.first }}.\n"
        }
        let outcome = try harness.run([notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("`pruned.accuracy` has 2 seeds: say `mean`"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("`rates.test_accuracy` has 2 seeds"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("`pruned.prunable`"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("`rates.points`"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("epoch 1:"), outcome.stderr)
    }
}
