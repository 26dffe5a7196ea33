import AtomicFiles
import Foundation

/// Ctrl-C, `kill` (SIGTERM) or a closed terminal (SIGHUP) while a run works: print `message`,
/// run `cancel` (a task driver terminates its workers and `scancel`s its job arrays), then exit
/// with 128 + the signal.
///
/// Every file nbrun writes (cache entries, training checkpoints, the article, the lock) is replaced
/// whole by a rename, and the guard exits only between two writes (``WriteBarrier``), so an
/// interrupted run leaves the previous version or the new one, never a part or a temporary file.
public final class InterruptGuard: @unchecked Sendable {
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private var sources: [DispatchSourceSignal] = []

    /// What an in-process run prints when interrupted.
    public static let inProcessMessage =
        "interrupted; finished results and the running training's last epoch checkpoint stay in the cache, "
        + "no file is left half-written; run the same command again to continue"

    public init(message: String = "interrupted; cancelling its tasks", cancel: @escaping @Sendable () -> Void = {}) {
        for number in Self.signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                FileHandle.standardError.write(Data("\nnbrun: \(message)\n".utf8))
                cancel()
                WriteBarrier.closeAndWait()
                exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Restores the default handling.
    public func remove() {
        for source in sources { source.cancel() }
        for number in Self.signals { signal(number, SIG_DFL) }
    }
}
