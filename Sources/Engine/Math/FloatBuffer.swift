/// A contiguous, 64-byte aligned Float array owned by the engine, freed in deinit. Grows only when
/// asked for more capacity, so the training loop allocates nothing after its first step.
final class FloatBuffer {
    private(set) var pointer: UnsafeMutablePointer<Float>
    private(set) var capacity: Int

    init(count: Int) {
        capacity = max(count, 1)
        pointer = FloatBuffer.allocate(capacity)
        pointer.initialize(repeating: 0, count: capacity)
    }

    deinit { pointer.deallocate() }

    /// Makes room for `count` elements; contents are zeroed when it grows.
    func reserve(_ count: Int) {
        guard count > capacity else { return }
        pointer.deallocate()
        capacity = count
        pointer = FloatBuffer.allocate(count)
        pointer.initialize(repeating: 0, count: count)
    }

    func array(count: Int) -> [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    func copy(from values: [Float]) {
        precondition(values.count <= capacity, "buffer too small")
        values.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: values.count) }
    }

    private static func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
        UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Float>.stride, alignment: 64)
            .bindMemory(to: Float.self, capacity: count)
    }
}
