import Foundation

/// Runs a set of tasks whose task files are written, and reports each as it ends.
///
/// A backend only starts work and watches for its end; whether a task succeeded is decided by the
/// driver from the cache folder (an entry, or the worker's error record), never from the
/// scheduler's records.
protocol TaskBackend: AnyObject, Sendable {
    /// How the progress lines name it: `2 local workers`, `Slurm (partition debug)`.
    var name: String { get }
    /// Runs `keys`; calls `ended` once per task (with its log file) as it ends, in any order, and
    /// returns when every task has ended. `label` names this submission's files.
    func run(_ keys: [String], label: String, ended: (String, URL) -> Void) throws
    /// Stops everything this backend started (called from a signal handler's queue).
    func cancel()
}

extension TaskBackend {
    /// This executable, by absolute path (workers and array tasks run the same binary).
    static var executable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    }
}
