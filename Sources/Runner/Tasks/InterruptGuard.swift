import Foundation

/// While tasks run elsewhere, Ctrl-C, `kill` (SIGTERM) or a closed terminal (SIGHUP) first stops
/// them (terminates the workers, `scancel`s the job arrays), then exits with 128 + the signal.
final class InterruptGuard: @unchecked Sendable {
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private var sources: [DispatchSourceSignal] = []

    init(cancel: @escaping @Sendable () -> Void) {
        for number in Self.signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                FileHandle.standardError.write(Data("\nnbrun: interrupted; cancelling its tasks\n".utf8))
                cancel()
                exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Restores the default handling.
    func remove() {
        for source in sources { source.cancel() }
        for number in Self.signals { signal(number, SIG_DFL) }
    }
}
