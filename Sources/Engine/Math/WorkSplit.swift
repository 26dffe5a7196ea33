import CKernels

/// Runs a fixed set of chunks on up to `threads` threads. The chunks are decided by the problem
/// size only, never by the thread count, and no chunk shares a reduction with another, so results
/// are bit-identical for 1, 2 or more threads.
enum WorkSplit {
    /// The most chunks an operation is split into (enough for a 4-core machine).
    static let maximumChunks = 4

    /// Number of chunks for `length` items when each chunk should hold at least `minimum` items.
    static func chunkCount(_ length: Int, minimum: Int) -> Int {
        max(1, min(maximumChunks, length / max(minimum, 1)))
    }

    /// The half-open range of chunk `index` of `count` over `length` items (sizes differ by <= 1,
    /// rounded to `multiple` where possible).
    static func range(_ index: Int, of count: Int, length: Int, multiple: Int = 1) -> Range<Int> {
        let units = (length + multiple - 1) / multiple
        let lo = min(length, index * units / count * multiple)
        let hi = min(length, (index + 1) * units / count * multiple)
        return lo..<hi
    }

    /// Calls `body(chunk, worker)` for every chunk in 0..<chunks; worker < threads identifies the
    /// thread (for per-thread scratch). Sequential when threads == 1 or there is one chunk;
    /// otherwise on the persistent `WorkerPool`, which hands chunks out dynamically.
    static func run(chunks: Int, threads: Int, _ body: (_ chunk: Int, _ worker: Int) -> Void) {
        let workers = max(1, min(threads, chunks))
        guard workers > 1, let pool = WorkerPool.shared.pool(threads: workers) else {
            for c in 0..<chunks { body(c, 0) }
            return
        }
        withoutActuallyEscaping(body) { body in
            var closure = body
            withUnsafeMutablePointer(to: &closure) { context in
                ck_pool_run(
                    pool, chunks, Int32(workers),
                    { context, chunk, worker in
                        context!.assumingMemoryBound(to: ((Int, Int) -> Void).self).pointee(chunk, worker)
                    }, context)
            }
        }
    }
}
