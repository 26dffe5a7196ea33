/// Little-endian reads over a checkpoint's bytes, throwing at their end.
struct CheckpointReader {
    let bytes: [UInt8]
    /// What the bytes are, for the errors: `fit checkpoint`.
    let kind: String
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func integer<T: FixedWidthInteger>() throws -> T {
        guard let raw = take(MemoryLayout<T>.size) else { throw TrainingError("the \(kind) is truncated") }
        return raw.reversed().reduce(T.zero) { $0 << 8 | T($1) }  // little-endian: the last byte is the highest
    }

    /// A UInt64 count; with `elementSize`, no more than that many bytes each are left to read.
    mutating func count(elementSize: Int = 0) throws -> Int {
        let value: UInt64 = try integer()
        guard value <= UInt64(Int32.max), elementSize == 0 || Int(value) <= (bytes.count - offset) / elementSize else {
            throw TrainingError("the \(kind) is truncated or malformed")
        }
        return Int(value)
    }

    mutating func tensors() throws -> [[Float]] {
        let tensorCount = try count(elementSize: 8)
        return try (0..<tensorCount).map { _ in
            let length = try count(elementSize: 4)
            let start = offset
            offset += 4 * length
            return bytes.withUnsafeBytes { raw in
                (0..<length).map {
                    Float(
                        bitPattern: UInt32(
                            littleEndian: raw.loadUnaligned(fromByteOffset: start + 4 * $0, as: UInt32.self)))
                }
            }
        }
    }
}
