import CKernels
import Foundation

/// The engine's persistent worker threads (C `ck_pool`): created once, they spin briefly between
/// operations and then sleep, so the dozen parallel operations of a training step do not each pay
/// for waking threads as `DispatchQueue.concurrentPerform` does. Chunks are claimed dynamically
/// (a descheduled worker never holds up a step); results do not depend on which thread runs a
/// chunk. Grows to the largest thread count asked for; the pool is never freed (process lifetime).
final class WorkerPool: @unchecked Sendable {
    static let shared = WorkerPool()

    private let lock = NSLock()
    private var pool: OpaquePointer?

    /// A pool of at least `threads` threads (counting the caller), or nil if threads cannot start.
    func pool(threads: Int) -> OpaquePointer? {
        lock.lock()
        defer { lock.unlock() }
        if let pool, Int(ck_pool_size(pool)) >= threads { return pool }
        // Older, smaller pools are left running: a caller may still be using one.
        if let bigger = ck_pool_create(Int32(threads)) { pool = bigger }
        return pool
    }
}
