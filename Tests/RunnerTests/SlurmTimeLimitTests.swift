import Foundation
import XCTest

/// Slurm's time-limit warning (`sbatch --signal=B:USR1@60`) on the one-node cluster: a training
/// task that gets SIGUSR1 saves its epoch, stops, and its resubmission resumes from that epoch
/// (not counted against `--retries`) and ends with the bits of an uninterrupted run.
///
/// The signal is sent the way Slurm sends the time-limit one, to the batch script of the running
/// array (`scancel --batch --signal=USR1`), when the training has saved a checkpoint, so the test
/// does not wait for a time limit (a real one is shown in docs/scale-out.md).
final class SlurmTimeLimitTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws {
        try SlurmExecutorTests.requireCluster()
        harness = try CommandLineHarness()
    }

    override func tearDown() { harness?.cleanUp() }

    func testATaskSignalledBeforeItsTimeLimitResumesFromItsCheckpoint() throws {
        let notebook = try harness.notebook()
        let lockURL = harness.folder.appendingPathComponent("small.lock.json")
        let arguments = [notebook.path, "--threads", "1", "--set", "epochs=8"] + harness.fixtureArguments
        let reference = try harness.run(arguments + ["--cache", "cache-in-process"], environment: [:])
        XCTAssertEqual(reference.status, 0, reference.stderr)
        let referenceLock = try Data(contentsOf: lockURL)
        try FileManager.default.removeItem(at: lockURL)

        let cache = harness.folder.appendingPathComponent("cache-slurm")
        let driver = try harness.start(
            arguments + ["--executor", "slurm", "--cache", cache.path, "--retries", "0", "--time", "00:10:00"])
        let checkpoints = cache.appendingPathComponent("checkpoints")
        let deadline = Date().addingTimeInterval(120)
        var job: String?
        while driver.process.isRunning, Date() < deadline {
            let saved = (try? FileManager.default.contentsOfDirectory(atPath: checkpoints.path)) ?? []
            let running = (try? SlurmProbe.run("squeue", ["-h", "-t", "R", "-o", "%F %j"])) ?? ""
            job = running.split(separator: "\n").first { $0.hasSuffix("-w1-a1") }.map {
                String($0.prefix { $0 != " " })
            }
            if !saved.isEmpty, job != nil { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let array = try XCTUnwrap(job, "no running array with a saved checkpoint to signal")
        XCTAssertEqual(try SlurmProbe.run("scancel", ["--batch", "--signal=USR1", array]), "")
        let outcome = driver.finish()
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let stopped = try XCTUnwrap(
            outcome.stderr.range(
                of: #"stopped at the time-limit signal after epoch \d of 8"#, options: .regularExpression),
            outcome.stderr)
        let epoch = outcome.stderr[stopped].dropFirst("stopped at the time-limit signal after epoch ".count).prefix(1)
        XCTAssertTrue(outcome.stderr.contains("wave 1: 1 task submitted to Slurm (attempt 2)"), outcome.stderr)

        // The resubmitted task's log: resumed after the saved epoch, never ran epoch 1 again.
        let logs = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("tasks/logs").path)
        let second = try XCTUnwrap(logs.first { $0.contains("-w1-a2-") }, "\(logs)")
        let log = try String(
            contentsOf: cache.appendingPathComponent("tasks/logs/\(second)"), encoding: .utf8)
        XCTAssertTrue(log.contains("resuming after epoch \(epoch) of 8 from its checkpoint"), log)
        XCTAssertFalse(log.contains("epoch 1:"), log)
        XCTAssertEqual(try Data(contentsOf: lockURL), referenceLock, "the lock differs from the in-process run's")
    }
}
