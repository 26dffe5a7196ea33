import CZ

/// gzip decompression with zlib (RFC 1952), for `*.gz` IDX files.
enum Gzip {
    /// True when `bytes` start with the gzip magic number 1f 8b.
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed contents of the gzip data `bytes` (all members, concatenated);
    /// `name` is used in error messages.
    static func decompress(_ bytes: [UInt8], name: String) throws -> [UInt8] {
        let stream = try InflateStream(name: name)
        return try stream.inflateAll(bytes, sizeHint: sizeHint(bytes))
    }

    /// The first output allocation: the ISIZE field of the last member (uncompressed size mod
    /// 2^32), capped at 8 times the input (IDX images compress 2-5x) so that a truncated or corrupt
    /// file, whose last four bytes are not ISIZE, cannot ask for gigabytes; beyond it the output
    /// doubles as needed.
    private static func sizeHint(_ bytes: [UInt8]) -> Int {
        let floor = 1 << 16
        guard bytes.count >= 18 else { return floor }
        let n = bytes.count
        let isize = Int(bytes[n - 4]) | Int(bytes[n - 3]) << 8 | Int(bytes[n - 2]) << 16 | Int(bytes[n - 1]) << 24
        return max(min(isize, 8 * n + floor), floor)
    }
}

/// A zlib inflate stream, released in `deinit`.
final class InflateStream {
    private let stream: UnsafeMutablePointer<z_stream>
    private let name: String

    /// Opens an inflate stream that accepts gzip framing (windowBits 15 + 16).
    init(name: String) throws {
        self.name = name
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = inflateInit2_(stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        if status != Z_OK {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw DatasetError("cannot decompress \(name): zlib inflateInit2 failed with status \(status)")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Inflates every gzip member of `input`; the output grows from `sizeHint` as needed.
    func inflateAll(_ input: [UInt8], sizeHint: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: sizeHint)
        var produced = 0
        var consumed = 0
        while true {
            if produced == output.count {
                output.append(contentsOf: repeatElement(0, count: max(output.count, 1 << 16)))
            }
            let status: Int32 = input.withUnsafeBufferPointer { inBuf in
                output.withUnsafeMutableBufferPointer { outBuf in
                    stream.pointee.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress! + consumed)
                    stream.pointee.avail_in = UInt32(clamping: inBuf.count - consumed)
                    stream.pointee.next_out = outBuf.baseAddress! + produced
                    stream.pointee.avail_out = UInt32(clamping: outBuf.count - produced)
                    let before = (stream.pointee.avail_in, stream.pointee.avail_out)
                    let status = inflate(stream, Z_NO_FLUSH)
                    consumed += Int(before.0 - stream.pointee.avail_in)
                    produced += Int(before.1 - stream.pointee.avail_out)
                    return status
                }
            }
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                if consumed == input.count {
                    output.removeSubrange(produced...)
                    return output
                }
                guard input.count - consumed >= 2, input[consumed] == 0x1F, input[consumed + 1] == 0x8B else {
                    throw DatasetError(
                        "\(name) has \(input.count - consumed) bytes of trailing garbage after the gzip data")
                }
                let reset = inflateReset(stream)
                if reset != Z_OK {
                    throw DatasetError("cannot decompress \(name): zlib inflateReset failed with status \(reset)")
                }
            case Z_BUF_ERROR:
                if consumed == input.count {
                    throw DatasetError("\(name) is truncated: the gzip data ends before the end of the stream")
                }
                if produced < output.count {
                    throw DatasetError("cannot decompress \(name): zlib made no progress (status Z_BUF_ERROR)")
                }
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "status \(status)"
                throw DatasetError("\(name) is not valid gzip data (zlib: \(detail))")
            }
        }
    }
}
