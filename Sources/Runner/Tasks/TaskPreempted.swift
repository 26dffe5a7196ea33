/// A training task stopped at the time-limit signal after saving its checkpoint: the task is
/// unfinished, not failed, and a resubmission resumes from epoch `epoch + 1`.
public struct TaskPreempted: Error, CustomStringConvertible, Sendable {
    /// Epochs finished and saved.
    public let epoch: Int
    public let epochs: Int
    /// The exit status of a worker that stopped this way (EX_TEMPFAIL: try again).
    public var exitStatus: Int32 { 75 }

    public var description: String {
        "stopped at the time-limit signal after epoch \(epoch) of \(epochs); its checkpoint is saved and a "
            + "resubmission resumes from it"
    }
}
