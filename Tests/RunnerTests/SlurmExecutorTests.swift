import Foundation
import XCTest

/// `--executor slurm` on the one-node cluster of `scripts/slurm-local.sh` (CI starts it), through
/// the real command line. Outside CI the tests skip, saying so, when no node is up; in CI
/// (`CI=true`) a missing cluster fails them.
final class SlurmExecutorTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws {
        try Self.requireCluster()
        harness = try CommandLineHarness()
    }

    override func tearDown() {
        harness?.cleanUp()
    }

    /// The cluster's node answers `sinfo` as idle, mixed or allocated.
    static func requireCluster() throws {
        let state = (try? SlurmProbe.run("sinfo", ["-h", "-o", "%t"])) ?? ""
        let up = ["idle", "mix", "alloc"].contains { state.contains($0) }
        if up { return }
        let message = "no Slurm node is up (sinfo said '\(state)'): start one with scripts/slurm-local.sh start"
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            XCTFail(message)
            throw XCTSkip("failed above: " + message)
        }
        throw XCTSkip(message)
    }

    private func lock(_ name: String) -> URL {
        harness.folder.appendingPathComponent("\(name.dropLast(3)).lock.json")
    }

    /// A sweep and two prunes (two waves: the train, then five tasks) on Slurm write the same lock,
    /// byte for byte, as the in-process run with the same thread count.
    func testSlurmRunWritesTheSameLockAsTheInProcessRun() throws {
        let notebook = try harness.notebook("pruning.md")
        let inProcess = try harness.run(
            [notebook.path, "--threads", "1", "--cache", "cache-in-process"] + harness.fixtureArguments)
        XCTAssertEqual(inProcess.status, 0, inProcess.stderr)
        let reference = try Data(contentsOf: lock("pruning.md"))
        try FileManager.default.removeItem(at: lock("pruning.md"))

        let slurm = try harness.run(
            [notebook.path, "--executor", "slurm", "--threads", "1", "--cache", "cache-slurm", "--time", "00:10:00"]
                + harness.fixtureArguments)
        XCTAssertEqual(slurm.status, 0, slurm.stderr)
        XCTAssertEqual(try Data(contentsOf: lock("pruning.md")), reference)
        XCTAssertTrue(slurm.stderr.contains("wave 1: 1 task submitted to Slurm"), slurm.stderr)
        XCTAssertTrue(slurm.stderr.contains("wave 2: 5 tasks submitted to Slurm"), slurm.stderr)
        XCTAssertEqual(CommandLineHarness.tasksRun(slurm.stderr), 6, slurm.stderr)
    }

    /// A task that fails once (the test switch) is submitted again, alone, and the run succeeds
    /// with the same lock as a run without the failure.
    func testATaskThatFailsOnceSucceedsThroughAResubmission() throws {
        let notebook = try harness.notebook()
        let clean = try harness.run(
            [notebook.path, "--executor", "slurm", "--threads", "1", "--cache", "cache-clean"]
                + harness.fixtureArguments)
        XCTAssertEqual(clean.status, 0, clean.stderr)
        let reference = try Data(contentsOf: lock("small.md"))

        let outcome = try harness.run(
            [notebook.path, "--executor", "slurm", "--threads", "1", "--cache", "cache-failing"]
                + harness.fixtureArguments,
            environment: ["NBRUN_TEST_FAIL_ONCE": "train run"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("failed: failed on purpose once"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("submitting it again"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("wave 1: 1 task submitted to Slurm (attempt 2)"), outcome.stderr)
        XCTAssertEqual(CommandLineHarness.tasksRun(outcome.stderr), 2, outcome.stderr)
        XCTAssertEqual(try Data(contentsOf: lock("small.md")), reference)
    }

    /// Killing the driver mid-run cancels its array (nothing left in `squeue`); a rerun runs only
    /// the tasks that had not finished.
    func testKilledDriverCancelsItsJobsAndARerunRunsOnlyUnfinishedTasks() throws {
        let notebook = try harness.notebook("pruning.md")
        let cache = harness.folder.appendingPathComponent("cache-killed")
        let arguments =
            [notebook.path, "--executor", "slurm", "--max-parallel", "1", "--threads", "1", "--cache", cache.path]
            + harness.fixtureArguments
        let driver = try harness.start(arguments)
        let deadline = Date().addingTimeInterval(120)
        while harness.taskCounts(cache: cache).finished < 2, driver.process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertTrue(driver.process.isRunning, "the driver ended before it could be killed")
        kill(driver.process.processIdentifier, SIGTERM)
        let killed = driver.finish()
        XCTAssertEqual(killed.status, 128 + SIGTERM, killed.stderr)
        XCTAssertTrue(killed.stderr.contains("cancelling its tasks"), killed.stderr)

        var queue = "?"
        let quiet = Date().addingTimeInterval(15)
        repeat {
            queue = (try? SlurmProbe.run("squeue", ["-h", "-o", "%i %j"])) ?? "?"
            if queue.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.2)
        } while Date() < quiet
        XCTAssertEqual(queue, "", "jobs left in squeue after the driver was killed")

        let before = harness.taskCounts(cache: cache)
        XCTAssertEqual(before.written, 6)
        XCTAssertGreaterThanOrEqual(before.finished, 2)
        XCTAssertLessThan(before.finished, 6, "every task finished before the kill")
        let rerun = try harness.run(arguments, environment: [:])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertEqual(CommandLineHarness.tasksRun(rerun.stderr), 6 - before.finished, rerun.stderr)
        XCTAssertEqual(harness.taskCounts(cache: cache).finished, 6)
    }
}

/// Runs a Slurm client command for the tests.
enum SlurmProbe {
    static func run(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return "(\(name) exited \(process.terminationStatus))" }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
