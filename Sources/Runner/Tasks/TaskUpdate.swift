import Foundation

/// What the driver of a task run reports: overall progress (tasks done of those known, an ETA)
/// and one line per task.
///
/// Waves are found one at a time (a prune's levels become known when its training is done), so
/// `total` counts the tasks known so far and grows as waves open.
public struct TaskUpdate: Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// A wave of independent tasks was handed to the workers (`attempt` > 1: a resubmission).
        case submitted(wave: Int, tasks: Int, attempt: Int, via: String)
        case finished(directive: String, key: String)
        /// A task failed or vanished; its error and log, and whether it will be submitted again.
        case failed(directive: String, key: String, message: String, log: String, retrying: Bool)
        /// A task stopped at the time limit with its checkpoint saved (not a failure); its log, and
        /// whether it will be submitted again to resume.
        case stopped(directive: String, key: String, stop: TaskPreempted, log: String, resubmitted: Bool)
        /// Every task is in the cache: how many ran in this run, and in how many waves.
        case allDone(ran: Int, waves: Int, seconds: Double)
    }

    public let kind: Kind
    public let done: Int
    public let total: Int
    /// Seconds left at the pace so far (nil before the first task finished).
    public let eta: Double?

    public var description: String {
        let progress = "[\(done)/\(total) tasks\(eta.map { String(format: ", ETA %.0f s", $0) } ?? "")]"
        switch kind {
        case .submitted(let wave, let tasks, let attempt, let via):
            let again = attempt > 1 ? " (attempt \(attempt))" : ""
            return "wave \(wave): \(tasks) task\(tasks == 1 ? "" : "s") submitted to \(via)\(again) \(progress)"
        case .finished(let directive, let key):
            return "task \(directive) \(key.prefix(12)) done \(progress)"
        case .failed(let directive, let key, let message, let log, let retrying):
            return "task \(directive) \(key.prefix(12)) failed: \(message) (log: \(log))"
                + (retrying ? "; submitting it again" : "") + " \(progress)"
        case .stopped(let directive, let key, let stop, let log, let resubmitted):
            return "task \(directive) \(key.prefix(12)) pre-empted: \(stop.summary), checkpoint saved (log: \(log))"
                + (resubmitted ? "; resubmitted to resume from it" : "; not resubmitted") + " \(progress)"
        case .allDone(let ran, let waves, let seconds):
            return String(format: "tasks: %d run in %d wave%@ (%.1f s)", ran, waves, waves == 1 ? "" : "s", seconds)
        }
    }
}
