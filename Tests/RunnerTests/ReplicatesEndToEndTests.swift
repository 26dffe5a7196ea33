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

    /// The spec's two claims on a run too short to overfit: both fail; the article and lock are
    /// written (✗ in red), each failure is reported at its `holds:` as `file:line:col`, exit 1;
    /// `--allow-failed-claims` exits 0. The holding claim is linked as "Claim 1".
    func testFailingClaimsWriteTheArticleAndExitOne() throws {
        let notebook = try harness.notebook("replicates.md") {
            $0 + """

                ```{claim} overfits
                text: "Without dropout the final validation loss ends at least 25 % above its minimum"
                holds: no_dropout.history.val_loss.last > 1.25 * no_dropout.history.val_loss.min
                ```

                ```{claim} dropout_helps
                text: "Dropout lowers the final validation loss"
                holds: dropout_effect.ci95.high < 0
                ```

                """
        }
        let lines = try String(contentsOf: notebook, encoding: .utf8).components(separatedBy: "\n")
        let holdsLine =
            try XCTUnwrap(lines.firstIndex { $0.hasPrefix("holds: no_dropout.history.val_loss.last > 1.25") }) + 1
        let outcome = try harness.run([notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(
            outcome.stderr.contains(
                "replicates.md:\(holdsLine):8: error: claim `overfits` does not hold: "), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("in 0 of 3 seeds"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("error: claim `dropout_helps` does not hold: "), outcome.stderr)
        let html = try String(
            contentsOf: harness.folder.appendingPathComponent("output/replicates/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("claim claim-fails"), html)
        XCTAssertTrue(html.contains("✗"), html)
        XCTAssertTrue(html.contains("claim claim-holds"), html)
        XCTAssertTrue(html.contains(">Claim 1</a>"), html)
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: harness.folder.appendingPathComponent("replicates.lock.json").path))

        let allowed = try harness.run([notebook.path, "--allow-failed-claims"] + harness.fixtureArguments)
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertTrue(allowed.stderr.contains("warning: claim `overfits` does not hold"), allowed.stderr)
    }

    /// `nbrun check` reports a claim whose verdict differs from the lock's first among its findings.
    func testCheckReportsAFlippedClaimVerdictFirst() throws {
        let notebook = try harness.notebook("replicates.md")
        let run = try harness.run([notebook.path, "--set", "seeds=2"] + harness.fixtureArguments)
        XCTAssertEqual(run.status, 0, run.stderr)
        let lockURL = harness.folder.appendingPathComponent("replicates.lock.json")
        var lock = try JSONSerialization.jsonObject(with: Data(contentsOf: lockURL)) as! [String: Any]
        var directives = lock["directives"] as! [String: Any]
        var claim = directives["claim learns"] as! [String: Any]
        var metrics = claim["metrics"] as! [String: Any]
        XCTAssertEqual(metrics["holds"] as? Double, 1)
        metrics["holds"] = 0
        claim["metrics"] = metrics
        directives["claim learns"] = claim
        lock["directives"] = directives
        try JSONSerialization.data(withJSONObject: lock, options: [.sortedKeys]).write(to: lockURL)

        let check = try harness.run(["check", notebook.path, "--set", "seeds=2"] + harness.fixtureArguments)
        XCTAssertEqual(check.status, 1, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.hasPrefix("Claims whose verdict changed:"), check.stdout)
        XCTAssertTrue(
            check.stdout.contains("claim `learns` (line "), check.stdout)
        XCTAssertTrue(check.stdout.contains("did not hold in the lock and holds now"), check.stdout)
    }
}
