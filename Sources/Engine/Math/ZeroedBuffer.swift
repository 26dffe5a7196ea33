/// A buffer of integers, same ownership rules as `FloatBuffer`: freed in deinit, grows only, zeroed
/// when it grows. `IndexBuffer` holds pooling argmax positions, `ByteBuffer` the fused convolution's
/// pooling argmax codes.
final class ZeroedBuffer<Element: FixedWidthInteger> {
    private(set) var pointer: UnsafeMutablePointer<Element>
    private(set) var capacity: Int

    init(count: Int) {
        capacity = max(count, 1)
        pointer = .allocate(capacity: capacity)
        pointer.initialize(repeating: 0, count: capacity)
    }

    deinit { pointer.deallocate() }

    func reserve(_ count: Int) {
        guard count > capacity else { return }
        pointer.deallocate()
        capacity = count
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: 0, count: count)
    }
}

typealias IndexBuffer = ZeroedBuffer<Int32>
typealias ByteBuffer = ZeroedBuffer<UInt8>
