import CZ

/// gzip compression (used to write test data and `.gz` IDX files).
extension Gzip {
    /// `bytes` as one gzip member (zlib `deflate`, level `level`, no name, modification time 0).
    static func compress(_ bytes: [UInt8], level: Int32 = 6) throws -> [UInt8] {
        let stream = try DeflateStream(level: level)
        return try stream.deflateAll(bytes)
    }
}

/// A zlib deflate stream writing gzip framing, released in `deinit`.
final class DeflateStream {
    private let stream: UnsafeMutablePointer<z_stream>

    /// Opens a deflate stream with gzip framing (windowBits 15 + 16), memory level 8.
    init(level: Int32) throws {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = deflateInit2_(
            stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
            zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        if status != Z_OK {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw DatasetError("cannot compress: zlib deflateInit2 failed with status \(status)")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses all of `input` and finishes the stream.
    func deflateAll(_ input: [UInt8]) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, UInt(input.count))) + 64)
        let status: Int32 = input.withUnsafeBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                stream.pointee.avail_in = UInt32(inBuf.count)
                stream.pointee.next_out = outBuf.baseAddress
                stream.pointee.avail_out = UInt32(outBuf.count)
                return deflate(stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else {
            throw DatasetError("cannot compress: zlib deflate returned status \(status)")
        }
        output.removeSubrange(Int(stream.pointee.total_out)...)
        return output
    }
}
