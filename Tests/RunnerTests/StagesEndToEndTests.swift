import Foundation
import XCTest

/// The stage structure seen through the CLI: stage and directive stamps on errors that happen
/// while a directive runs, cross-references, and a lock that does not change when no number does.
final class StagesEndToEndTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws {
        harness = try CommandLineHarness()
    }

    override func tearDown() {
        harness.cleanUp()
    }

    private var lockURL: URL { harness.folder.appendingPathComponent("small.lock.json") }

    /// A data file that is gone when the data set loads (the check does not read data) is reported
    /// at the directive, in the execute stage; nothing is written.
    func testMissingDataFileIsReportedAtItsDirectiveAndStage() throws {
        let outcome = try runFailingDataSet(csv: "{train: gone-train.csv, test: gone-test.csv}")
        XCTAssertTrue(outcome.stderr.contains("gone-train.csv"), outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: lockURL.path))
    }

    /// A data file whose contents are broken fails while its directive runs, with the same stamps.
    func testBrokenDataFileIsReportedAtItsDirectiveAndStage() throws {
        try "5,0,0\n3,0\n".write(
            to: harness.folder.appendingPathComponent("broken.csv"), atomically: true, encoding: .utf8)
        _ = try runFailingDataSet(csv: "{train: broken.csv, test: broken.csv}")
    }

    /// Runs small.md with its data set read from `csv` files, and checks that the run fails at that
    /// directive, in the execute stage, with its location.
    private func runFailingDataSet(
        csv: String, file: StaticString = #filePath, line: UInt = #line
    ) throws -> CommandLineHarness.Outcome {
        let notebook = try harness.notebook { $0.replacingOccurrences(of: "idx: ${fixtures}", with: "csv: \(csv)") }
        let outcome = try harness.run([notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(outcome.status, 1, outcome.stderr, file: file, line: line)
        XCTAssertTrue(
            outcome.stderr.contains("error in stage [3/6] execute, directive `dataset digits`"), outcome.stderr,
            file: file, line: line)
        XCTAssertTrue(
            outcome.stderr.contains("small.md:17:1: error: data set `digits` cannot be loaded"), outcome.stderr,
            file: file, line: line)
        return outcome
    }

    /// `@Fig-curves` (capitalised, as the format documents) and `@fig-curves` both link to "Figure 2" (the samples are figure 1).
    func testCapitalisedAndLowerCaseReferencesBothLink() throws {
        let notebook = try harness.notebook {
            $0.replacingOccurrences(
                of: "## Data\n", with: "## Data\n\nSee @Fig-curves and @fig-curves, and [@tbl-results].\n")
        }
        let outcome = try harness.run([notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let html = try String(
            contentsOf: harness.folder.appendingPathComponent("output/small/index.html"), encoding: .utf8)
        XCTAssertTrue(
            html.contains(
                "See <a href=\"#fig-curves\">Figure 2</a> and <a href=\"#fig-curves\">Figure 2</a>, "
                    + "and <a href=\"#tbl-results\">Table 1</a>."), html)
        XCTAssertFalse(html.contains("@Fig-curves"))
    }

    /// Wall-clock times leave the lock: a run that retrains everything (`--no-cache`) and changes no
    /// number writes the same bytes; the times go to timings.json beside the article.
    func testRetrainingWithTheSameNumbersLeavesTheLockByteIdentical() throws {
        let notebook = try harness.notebook()
        let first = try harness.run([notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try Data(contentsOf: lockURL)
        XCTAssertFalse(String(decoding: before, as: UTF8.self).contains("\"seconds\""))
        let again = try harness.run([notebook.path, "--no-cache"] + harness.fixtureArguments)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try Data(contentsOf: lockURL), before)
        let timings = try XCTUnwrap(
            JSONSerialization.jsonObject(
                with: Data(contentsOf: harness.folder.appendingPathComponent("output/small/timings.json")))
                as? [String: Any])
        let directives = try XCTUnwrap(timings["directives"] as? [String: [String: Any]])
        let run = try XCTUnwrap(directives["train run"]?["seconds"] as? Double)
        XCTAssertGreaterThan(run, 0)
        XCTAssertEqual(directives["train run"]?["cached"] as? Bool, false)
    }
}
