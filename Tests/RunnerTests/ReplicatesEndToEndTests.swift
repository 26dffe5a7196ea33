import Foundation
import XCTest

/// `seeds:` through the CLI on the MNIST subset: replicates trained once each, the values over
/// seeds in prose and tables, a `{compare}`, and the checks on replicated values.
final class ReplicatesEndToEndTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws {
        harness = try CommandLineHarness()
    }

    override func tearDown() {
        harness.cleanUp()
    }

    /// Trainings in a run's progress output: one `epoch 1:` line each (non-interactive output).
    private func trainings(_ stderr: String) -> Int {
        stderr.components(separatedBy: "      epoch 1:").count - 1
    }

    /// Raising `seeds` from 2 to 3 trains only replicate 3 of each train; the article prints mean ± sd,
    /// every seed's value and the comparison; the lock records every replicate.
    func testRaisingSeedsTrainsOnlyTheNewReplicates() throws {
        let notebook = try harness.notebook("replicates.md")
        let first = try harness.run([notebook.path, "--set", "seeds=2"] + harness.fixtureArguments)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(trainings(first.stderr), 4, first.stderr)
        let second = try harness.run([notebook.path, "--set", "seeds=3"] + harness.fixtureArguments)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(trainings(second.stderr), 2, second.stderr)
        XCTAssertTrue(second.stderr.contains("2 of 3 seeds cached"), second.stderr)

        let html = try String(
            contentsOf: harness.folder.appendingPathComponent("output/replicates/index.html"), encoding: .utf8)
        XCTAssertNotNil(html.range(of: #"0\.\d{4} ± 0\.\d{4}"#, options: .regularExpression), html)
        XCTAssertNotNil(html.range(of: #"\d+\.\d ± \d+\.\d%"#, options: .regularExpression), html)
        XCTAssertNotNil(html.range(of: #"0\.\d{4}, 0\.\d{4}, 0\.\d{4}"#, options: .regularExpression), html)
        XCTAssertNotNil(html.range(of: #"p (=|&lt;) 0\.\d{3}"#, options: .regularExpression), html)
        XCTAssertTrue(html.contains("95 % CI ["), html)

        let lock = try String(
            contentsOf: harness.folder.appendingPathComponent("replicates.lock.json"), encoding: .utf8)
        for node in [
            "train no_dropout[2]", "train no_dropout[3]", "train with_dropout[3]", "evaluate no_dropout_test[3]",
        ] {
            XCTAssertTrue(lock.contains("\"\(node)\""), node)
        }
        XCTAssertTrue(lock.contains("\"ci95.high\""), lock)

        let check = try harness.run(["check", notebook.path, "--set", "seeds=3"] + harness.fixtureArguments)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    /// The checker refuses a replicated value printed without a filter, `sd` of one seed, a
    /// replicate out of range and a comparison with one seed a side, before anything trains.
    func testReplicatedValuesAreCheckedBeforeAnythingRuns() throws {
        let notebook = try harness.notebook("replicates.md") {
            $0 + """

                Bare {{ no_dropout.history.val_loss.last }}, out of range {{ no_dropout[9].history.loss.last | fixed(2) }}.

                """
        }
        let outcome = try harness.run([notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(
            outcome.stderr.contains("`no_dropout.history.val_loss` has 3 seeds: say `mean`, `pm(4)`"), outcome.stderr)
        XCTAssertTrue(
            outcome.stderr.contains("`no_dropout[9]` is out of range: `no_dropout` has 3 seeds"), outcome.stderr)
        XCTAssertEqual(trainings(outcome.stderr), 0)

        let single = try harness.run([notebook.path, "--set", "seeds=1"] + harness.fixtureArguments)
        XCTAssertEqual(single.status, 1, single.stderr)
        XCTAssertTrue(
            single.stderr.contains(
                "a comparison needs at least 2 seeds a side, but `with_dropout.history.val_loss` has 1"),
            single.stderr)
        XCTAssertTrue(single.stderr.contains("`ci95` needs at least 2 seeds"), single.stderr)
    }
}
