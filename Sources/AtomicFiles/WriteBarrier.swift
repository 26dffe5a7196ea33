import Foundation

/// Lets a signal handler exit between writes, never during one: every ``AtomicWrite`` and
/// ``AtomicDirectory`` write holds the barrier while its temporary file or folder exists, and
/// ``closeAndWait()`` waits for the write in progress to finish (renamed into place or cleaned up),
/// then keeps every later write from starting. A handler that calls it before `exit` leaves no
/// temporary file behind.
public enum WriteBarrier {
    /// Recursive: a directory's `fill` may write files through ``AtomicWrite`` on the same thread.
    nonisolated(unsafe) private static let lock = NSRecursiveLock()

    /// Runs `body` while holding the barrier.
    static func hold<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Waits for the write in progress, if any, and blocks all later writes (the process is about to exit).
    public static func closeAndWait() { lock.lock() }
}
