/// A worker's own error, written as `<cache>/tasks/<key>.error.json` when its task fails or stops
/// at the time limit, so the driver can report it at the task's directive without asking the scheduler.
struct TaskFailureRecord: Codable {
    let key: String
    /// The error without its location (the driver stamps the directive's `file:line:col`).
    let message: String
    /// The worker's host, to find its log on a cluster.
    let host: String
    /// Set when the task was not failing but stopped at the time-limit signal with this many epochs
    /// saved (``TaskPreempted``), of `epochs`: a stop that saved a new epoch is not counted
    /// against `--retries` (see ``TaskDriver``).
    var checkpointEpoch: Int? = nil
    var epochs: Int? = nil

    /// The stop, when the task was pre-empted rather than failed.
    var preempted: TaskPreempted? {
        checkpointEpoch.map { TaskPreempted(epoch: $0, epochs: epochs ?? $0) }
    }
}
