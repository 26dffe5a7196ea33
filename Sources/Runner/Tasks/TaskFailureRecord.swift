/// A worker's own error, written as `<cache>/tasks/<key>.error.json` when its task fails, so the
/// driver can report it at the task's directive without asking the scheduler.
struct TaskFailureRecord: Codable {
    let key: String
    /// The error without its location (the driver stamps the directive's `file:line:col`).
    let message: String
    /// The worker's host, to find its log on a cluster.
    let host: String
    /// Set when the task was not failing but stopped at the time-limit signal with this many epochs
    /// saved (``TaskPreempted``): its resubmission is not counted against `--retries`.
    var checkpointEpoch: Int? = nil
}
