import Foundation
import XCTest

/// `--executor local`: tasks in worker processes (`nbrun task`), results through the cache,
/// through the real command line.
final class LocalExecutorTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws {
        harness = try CommandLineHarness()
    }

    override func tearDown() {
        harness.cleanUp()
    }

    private var lockURL: URL { harness.folder.appendingPathComponent("small.lock.json") }

    /// Two workers with one thread each write the same lock, byte for byte, as the in-process run
    /// with one thread (the lock records the thread count); the page does not call the trainings the
    /// workers just ran cached; a rerun finds every task in the cache.
    func testTwoWorkersWriteTheSameLockAsTheInProcessRun() throws {
        let notebook = try harness.notebook()
        let inProcess = try harness.run(
            [notebook.path, "--threads", "1", "--cache", "cache-in-process"] + harness.fixtureArguments)
        XCTAssertEqual(inProcess.status, 0, inProcess.stderr)
        let reference = try Data(contentsOf: lockURL)
        try FileManager.default.removeItem(at: lockURL)

        let pooled = try harness.run(
            [notebook.path, "--executor", "local", "--jobs", "2", "--threads", "1", "--cache", "cache-pool"]
                + harness.fixtureArguments)
        XCTAssertEqual(pooled.status, 0, pooled.stderr)
        XCTAssertEqual(try Data(contentsOf: lockURL), reference)
        XCTAssertTrue(pooled.stderr.contains("wave 1: 2 tasks submitted to 2 local workers"), pooled.stderr)
        XCTAssertTrue(pooled.stderr.contains("task train run"), pooled.stderr)
        XCTAssertTrue(pooled.stderr.contains("[2/2 tasks"), pooled.stderr)
        XCTAssertEqual(CommandLineHarness.tasksRun(pooled.stderr), 2, pooled.stderr)
        let page = harness.folder.appendingPathComponent("output/small/index.html")
        XCTAssertFalse(try String(contentsOf: page, encoding: .utf8).contains("(from the cache)"))

        let again = try harness.run(
            [notebook.path, "--executor", "local", "--jobs", "2", "--threads", "1", "--cache", "cache-pool"]
                + harness.fixtureArguments)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(CommandLineHarness.tasksRun(again.stderr), 0, again.stderr)
        XCTAssertTrue(try String(contentsOf: page, encoding: .utf8).contains("(from the cache)"))
        XCTAssertEqual(try Data(contentsOf: lockURL), reference)
    }

    /// A task's own error is reported at its directive's `file:line:col` with its log file; with
    /// `--retries 0` it is not submitted again and nothing is written.
    func testATaskErrorIsReportedAtItsDirectiveWithItsLog() throws {
        let notebook = try harness.notebook()
        let outcome = try harness.run(
            [notebook.path, "--executor", "local", "--retries", "0", "--threads", "1"] + harness.fixtureArguments,
            environment: ["NBRUN_TEST_FAIL_ONCE": "train run"])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("error in stage [3/6] execute, directive `train run`:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("small.md:44:1: error: failed on purpose once"), outcome.stderr)
        let log = try XCTUnwrap(
            outcome.stderr.range(of: #"log: [^ )]+\.log"#, options: .regularExpression).map {
                String(outcome.stderr[$0].dropFirst("log: ".count))
            }, outcome.stderr)
        XCTAssertTrue(
            try String(contentsOfFile: log, encoding: .utf8).contains("failed on purpose once"), "log \(log)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: lockURL.path))

        let retried = try harness.run(
            [notebook.path, "--executor", "local", "--threads", "1"] + harness.fixtureArguments,
            environment: ["NBRUN_TEST_FAIL_ONCE": "train run"])
        XCTAssertEqual(retried.status, 0, retried.stderr)
        XCTAssertEqual(CommandLineHarness.tasksRun(retried.stderr), 1, retried.stderr)
    }

    /// `nbrun task` is hidden from the main help; executor options are checked before anything runs.
    func testTaskSubcommandIsHiddenAndOptionsAreChecked() throws {
        let help = try harness.run(["--help"])
        XCTAssertTrue(help.stdout.contains("check"), help.stdout)
        XCTAssertEqual(help.status, 0, help.stderr)
        XCTAssertFalse(help.stdout.contains("\n  task "), help.stdout)
        let notebook = try harness.notebook()
        let mixed = try harness.run([notebook.path, "--partition", "gpu"])
        XCTAssertEqual(mixed.status, 2, mixed.stderr)
        XCTAssertTrue(mixed.stderr.contains("apply to --executor slurm only"), mixed.stderr)
        let noCache = try harness.run([notebook.path, "--executor", "local", "--no-cache"])
        XCTAssertEqual(noCache.status, 2, noCache.stderr)
    }
}
