import Foundation

/// Slurm's warning before a task's time limit: `sbatch --signal=B:USR1@60` sends SIGUSR1 to the
/// batch script (which `exec`s the worker) about 60 s before the limit, or earlier.
///
/// A worker installs the handler; the signal only raises a flag. A training that sees the flag
/// right after saving its epoch checkpoint stops with ``TaskPreempted``, so the resubmitted task
/// resumes from that epoch instead of losing the time limit's worth of work.
final class TimeLimitSignal: @unchecked Sendable {
    static let shared = TimeLimitSignal()
    private let lock = NSLock()
    private var raised = false
    private var source: DispatchSourceSignal?

    /// Whether SIGUSR1 arrived since `install()`.
    var isRaised: Bool {
        lock.lock()
        defer { lock.unlock() }
        return raised
    }

    /// Starts listening for SIGUSR1 (its default action, terminating the process, is replaced).
    func install() {
        lock.lock()
        defer { lock.unlock() }
        guard source == nil else { return }
        signal(SIGUSR1, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGUSR1, queue: .global())
        source.setEventHandler { [self] in
            raise()
            FileHandle.standardError.write(
                Data("nbrun task: time-limit signal (SIGUSR1); stopping after this epoch's checkpoint\n".utf8))
        }
        source.resume()
        self.source = source
    }

    /// Sets the flag, as the signal does (tests call it directly).
    func raise() {
        lock.lock()
        defer { lock.unlock() }
        raised = true
    }

    /// Clears the flag (a test that raised it).
    func lower() {
        lock.lock()
        defer { lock.unlock() }
        raised = false
    }
}
