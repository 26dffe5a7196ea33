import CZ

/// zlib compression (RFC 1950 stream, `compress2`), beside the gzip reader and writer so that
/// zlib is wrapped in one module. The runner reports how small a model file gets with a
/// general-purpose compressor on top of its own format.
public enum Zlib {
    /// `bytes` as one zlib stream at `level` (9: best compression).
    public static func compress(_ bytes: [UInt8], level: Int32 = 9) throws -> [UInt8] {
        var length = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = out.withUnsafeMutableBufferPointer { dst in
            bytes.withUnsafeBufferPointer { src in
                compress2(dst.baseAddress, &length, src.baseAddress, uLong(bytes.count), level)
            }
        }
        guard status == Z_OK else { throw DatasetError("zlib compress2 failed with status \(status)") }
        out.removeSubrange(Int(length)...)
        return out
    }
}

extension Zlib {
    /// The CRC-32 of `bytes` (ISO-HDLC, as zip and gzip store it), zlib's `crc32`.
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { CZ.crc32(0, $0.baseAddress, uInt($0.count)) }.toUInt32
    }
}

extension uLong {
    fileprivate var toUInt32: UInt32 { UInt32(truncatingIfNeeded: self) }
}
