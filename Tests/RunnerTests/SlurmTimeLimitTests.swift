import Foundation
import XCTest

/// Slurm's time-limit warning (`sbatch --signal=B:USR1@60`) on the one-node cluster: a training
/// task, or a prune level's fine-tuning, that gets SIGUSR1 saves its epoch, stops (reported as
/// pre-empted, not failed), and its resubmission resumes from that epoch (not counted against
/// `--retries`) and ends with the bits of an uninterrupted run.
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

    /// What a signalled run printed and where its resubmitted task's log is.
    private struct Signalled {
        let stderr: String
        /// Epochs saved when the signalled task stopped (from its `pre-empted:` line).
        let epoch: Int
        /// The log of the signalled task's resubmission.
        let resumedLog: String
    }

    /// Runs `notebook` in process, then through Slurm with `--retries 0`; signals the first array of
    /// wave `wave` once a checkpoint file ending in `kind` exists, and checks the run succeeds with
    /// the in-process lock. `task` names the signalled task's directive (`train run`).
    private func signalledRun(
        _ notebook: URL, _ arguments: [String], wave: Int, kind: String, task: String, epochs: Int
    ) throws -> Signalled {
        let lockURL = notebook.deletingPathExtension().appendingPathExtension("lock.json")
        let reference = try harness.run(arguments + ["--cache", "cache-in-process"], environment: [:])
        XCTAssertEqual(reference.status, 0, reference.stderr)
        let referenceLock = try Data(contentsOf: lockURL)
        try FileManager.default.removeItem(at: lockURL)

        let cache = harness.folder.appendingPathComponent("cache-slurm")
        let driver = try harness.start(
            arguments + ["--executor", "slurm", "--cache", cache.path, "--retries", "0", "--time", "00:10:00"])
        let checkpoints = cache.appendingPathComponent("checkpoints")
        let deadline = Date().addingTimeInterval(180)
        // Only a task that has saved a checkpoint is signalled: its worker has long installed its
        // handler (a task just starting would die of the signal, as it would of a time limit
        // shorter than a minute). Array index i runs line i of the task list `<run>-w<wave>-a1.txt`.
        var target: (array: String, task: String)?
        while driver.process.isRunning, Date() < deadline, target == nil {
            Thread.sleep(forTimeInterval: 0.05)
            let saved = Set(
                ((try? FileManager.default.contentsOfDirectory(atPath: checkpoints.path)) ?? [])
                    .filter { $0.hasSuffix(kind) }.map { String($0.dropLast(kind.count)) })
            let tasks = cache.appendingPathComponent("tasks")
            guard !saved.isEmpty,
                let list = try? FileManager.default.contentsOfDirectory(atPath: tasks.path)
                    .first(where: { $0.hasSuffix("-w\(wave)-a1.txt") }),
                let lines = try? String(contentsOf: tasks.appendingPathComponent(list), encoding: .utf8)
                    .split(separator: "\n"),
                let index = lines.firstIndex(where: {
                    saved.contains(URL(fileURLWithPath: String($0)).deletingPathExtension().lastPathComponent)
                }),
                let job = (try? SlurmProbe.run("squeue", ["-h", "-o", "%F %j"]))?.split(separator: "\n")
                    .first(where: { $0.hasSuffix("-w\(wave)-a1") }).map({ String($0.prefix { $0 != " " }) })
            else { continue }
            target = (job, "\(job)_\(index)")
        }
        let (array, arrayTask) = try XCTUnwrap(target, "no task of wave \(wave) saved a \(kind) checkpoint to signal")
        // scancel's status is not asserted; the `pre-empted:` line below shows that the task stopped.
        // Under load scancel of one array task has failed (exit 1) while it ran; the whole array's
        // running tasks are then signalled, as the test did before prune levels checkpointed.
        var replies = "\(arrayTask): \(try SlurmProbe.run("scancel", ["--batch", "--signal=USR1", arrayTask]))"
        if replies.hasSuffix(")") {
            replies += "; \(array): \(try SlurmProbe.run("scancel", ["--batch", "--signal=USR1", array]))"
        }
        let outcome = driver.finish()
        XCTAssertEqual(outcome.status, 0, "\(replies)\n\(outcome.stderr)")
        let line = try XCTUnwrap(
            outcome.stderr.split(separator: "\n").first {
                $0.contains("task \(task) ") && $0.contains(" pre-empted: stopped at the time limit after epoch ")
            }, "\(replies)\n\(outcome.stderr)")
        XCTAssertTrue(line.contains("resubmitted to resume from it"), String(line))
        XCTAssertFalse(outcome.stderr.contains(" failed"), "a time-limit stop is not a failure:\n\(outcome.stderr)")
        let epochText = line.components(separatedBy: "after epoch ").last?.prefix { $0.isNumber } ?? ""
        let epoch = try XCTUnwrap(Int(epochText), String(line))
        XCTAssertTrue(line.contains("after epoch \(epoch) of \(epochs),"), String(line))
        XCTAssertTrue(outcome.stderr.contains("wave \(wave): "), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("submitted to Slurm (attempt 2)"), outcome.stderr)

        // The resubmitted task's log: resumed after the saved epoch, never ran epoch 1 again.
        let logs = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("tasks/logs").path)
        let resumed = try logs.filter { $0.contains("-w\(wave)-a2-") }.map {
            try String(contentsOf: cache.appendingPathComponent("tasks/logs/\($0)"), encoding: .utf8)
        }
        let log = try XCTUnwrap(
            resumed.first { $0.contains("resuming after epoch \(epoch) of \(epochs) from its checkpoint") },
            resumed.joined(separator: "\n----\n"))
        XCTAssertEqual(try Data(contentsOf: lockURL), referenceLock, "the lock differs from the in-process run's")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: checkpoints.path)) ?? []
        XCTAssertEqual(left.filter { !$0.hasPrefix(".") }, [], "checkpoints left after the run")
        return Signalled(stderr: outcome.stderr, epoch: epoch, resumedLog: log)
    }

    func testATaskSignalledBeforeItsTimeLimitResumesFromItsCheckpoint() throws {
        let notebook = try harness.notebook()
        let arguments = [notebook.path, "--threads", "1", "--set", "epochs=8"] + harness.fixtureArguments
        let run = try signalledRun(notebook, arguments, wave: 1, kind: ".fit", task: "train run", epochs: 8)
        XCTAssertFalse(run.resumedLog.contains("epoch 1:"), run.resumedLog)
    }

    /// A prune level's masked fine-tuning (6 epochs here) stops at the signal like a training and
    /// resumes from its `.prune` checkpoint (masks and optimizer state) to the same lock.
    func testAPruneLevelSignalledBeforeItsTimeLimitResumesItsFineTuning() throws {
        let notebook = try harness.notebook("pruning.md") {
            $0.replacingOccurrences(
                of: "fine_tune: {epochs: 1, learning_rate: 0.0005}",
                with: "fine_tune: {epochs: 6, learning_rate: 0.0005}")
        }
        let arguments = [notebook.path, "--threads", "1"] + harness.fixtureArguments
        let run = try signalledRun(notebook, arguments, wave: 2, kind: ".prune", task: "prune pruned", epochs: 6)
        // The level's log: the one-shot evaluation again, then only the epochs after the checkpoint.
        XCTAssertTrue(run.resumedLog.contains("pruned: test accuracy"), run.resumedLog)
        let fineTuning = run.resumedLog.components(separatedBy: "from its checkpoint").last ?? ""
        XCTAssertFalse(fineTuning.contains("epoch 1:"), run.resumedLog)
        XCTAssertTrue(fineTuning.contains("epoch 6:"), run.resumedLog)
    }
}
