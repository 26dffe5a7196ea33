import CZ

/// zlib compression (RFC 1950 stream, `compress2` at level 9), to report how small a model file
/// gets with a general-purpose compressor on top of its own format.
enum Zlib {
    static func compress(_ bytes: [UInt8], level: Int32 = 9) throws -> [UInt8] {
        var length = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = out.withUnsafeMutableBufferPointer { dst in
            bytes.withUnsafeBufferPointer { src in
                compress2(dst.baseAddress, &length, src.baseAddress, uLong(bytes.count), level)
            }
        }
        guard status == Z_OK else { throw RunnerFailure(message: "zlib compress2 failed with status \(status)") }
        out.removeSubrange(Int(length)...)
        return out
    }
}
