import XCTest

@testable import Runner

/// `--retries` against time-limit stops: a stop that saved a new epoch is free, a failure or a
/// stop that saved nothing new costs one attempt; and the driver's line for a stop is not "failed".
final class TaskAttemptsTests: XCTestCase {
    private func stop(_ key: String, after epoch: Int, of epochs: Int = 12) -> TaskFailureRecord {
        let stop = TaskPreempted(epoch: epoch, epochs: epochs)
        return TaskFailureRecord(
            key: key, message: stop.summary, host: "node", checkpointEpoch: epoch, epochs: epochs)
    }

    private func failure(_ key: String) -> TaskFailureRecord {
        TaskFailureRecord(key: key, message: "boom", host: "node")
    }

    func testStopsThatSaveANewEpochNeverSpendARetry() {
        var attempts = TaskAttempts(retries: 0)
        for epoch in [5, 11] {
            XCTAssertTrue(attempts.ended("a", record: stop("a", after: epoch)), "after epoch \(epoch)")
            XCTAssertNil(attempts.close(missing: ["a"]))
        }
        XCTAssertEqual(attempts.failed, 0)
    }

    func testAStopWithoutProgressOrAFailureSpendsOneRetryPerSubmission() {
        var attempts = TaskAttempts(retries: 1)
        XCTAssertTrue(attempts.ended("a", record: stop("a", after: 5)))
        XCTAssertTrue(attempts.ended("b", record: failure("b")))
        XCTAssertNil(attempts.close(missing: ["a", "b"]))
        XCTAssertEqual(attempts.failed, 1)
        // Its checkpoint lost, `a` started over and stopped after epoch 2: no progress beyond 5.
        XCTAssertFalse(attempts.ended("a", record: stop("a", after: 2)))
        XCTAssertFalse(attempts.ended("b", record: nil), "vanished")
        XCTAssertEqual(attempts.close(missing: ["a", "b"]), "a", "the retries are spent")
    }

    func testAStalledTaskThatFinishedDoesNotCount() {
        var attempts = TaskAttempts(retries: 0)
        XCTAssertFalse(attempts.ended("a", record: failure("a")))
        XCTAssertNil(attempts.close(missing: []), "the entry appeared after all")
        XCTAssertEqual(attempts.failed, 0)
    }

    func testTheStopIsReportedAsPreemptedNotFailed() {
        let update = TaskUpdate(
            kind: .stopped(
                directive: "prune pruned", key: "a7af56828450ffff", stop: TaskPreempted(epoch: 5, epochs: 12),
                log: "/c/tasks/logs/r-w2-a1-0.log", resubmitted: true), done: 1, total: 2, eta: nil)
        XCTAssertEqual(
            update.description,
            "task prune pruned a7af56828450 pre-empted: stopped at the time limit after epoch 5 of 12, checkpoint "
                + "saved (log: /c/tasks/logs/r-w2-a1-0.log); resubmitted to resume from it [1/2 tasks]")
        XCTAssertFalse(update.description.contains("failed"))
        XCTAssertEqual(TaskPreempted(epoch: 5, epochs: 12).exitStatus, 75)
        XCTAssertEqual(
            stop("k", after: 5).preempted?.summary, "stopped at the time limit after epoch 5 of 12")
        XCTAssertNil(failure("k").preempted)
    }
}
