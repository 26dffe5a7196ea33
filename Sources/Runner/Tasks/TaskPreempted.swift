/// A task stopped at the time-limit signal after saving its epoch checkpoint (a training, a sweep
/// point, or a prune level's fine-tuning): the task is unfinished, not failed, and a resubmission
/// resumes from epoch `epoch + 1`.
public struct TaskPreempted: Error, CustomStringConvertible, Sendable {
    /// Epochs finished and saved.
    public let epoch: Int
    public let epochs: Int
    /// The exit status of a worker that stopped this way (EX_TEMPFAIL: try again), not 1 (failed).
    public var exitStatus: Int32 { 75 }

    /// What the worker and the driver say: `stopped at the time limit after epoch 5 of 12`.
    public var summary: String { "stopped at the time limit after epoch \(epoch) of \(epochs)" }

    public var description: String {
        "pre-empted: \(summary), its checkpoint saved; a resubmission resumes from it (exit status \(exitStatus))"
    }
}
