/// An IDX array of unsigned bytes (LeCun's MNIST format): magic `00 00 08 <rank>`, then `rank`
/// big-endian UInt32 dimensions, then the values in row-major order.
///
/// Only element type 0x08 (unsigned byte) is supported: it is what MNIST and Fashion-MNIST use.
struct IDXFile: Equatable {
    /// The dimensions, outermost first (e.g. `[60000, 28, 28]`).
    let dimensions: [Int]
    /// `dimensions.reduce(1, *)` values.
    let values: [UInt8]

    /// Parses IDX data; `name` is used in error messages. The data must be exactly the size the
    /// header announces.
    init(parsing bytes: [UInt8], name: String) throws {
        guard bytes.count >= 4 else {
            throw DatasetError(
                "\(name) is not an IDX file: it has only \(bytes.count) bytes, fewer than the 4-byte magic number")
        }
        guard bytes[0] == 0, bytes[1] == 0 else {
            let magic = bytes[0..<4].map { hex($0) }.joined(separator: " ")
            throw DatasetError("\(name) is not an IDX file: its magic number is \(magic), expected 00 00 08 <rank>")
        }
        guard bytes[2] == 0x08 else {
            throw DatasetError(
                "\(name) holds IDX element type 0x\(hex(bytes[2])); only unsigned bytes (0x08) are supported")
        }
        let rank = Int(bytes[3])
        guard rank >= 1 else { throw DatasetError("\(name) is an IDX file of rank 0; expected at least one dimension") }
        let headerSize = 4 + 4 * rank
        guard bytes.count >= headerSize else {
            throw DatasetError(
                "\(name) is truncated: \(bytes.count) bytes, but its IDX header alone needs \(headerSize)")
        }
        var dimensions = [Int]()
        var total = 1
        for d in 0..<rank {
            let o = 4 + 4 * d
            let size = Int(bytes[o]) << 24 | Int(bytes[o + 1]) << 16 | Int(bytes[o + 2]) << 8 | Int(bytes[o + 3])
            dimensions.append(size)
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            guard !overflow, product <= Int(Int32.max) * 64 else {
                throw DatasetError("\(name) announces implausible IDX dimensions \(dimensions)")
            }
            total = product
        }
        let expected = headerSize + total
        guard bytes.count >= expected else {
            throw DatasetError(
                "\(name) is truncated: \(bytes.count) bytes, but its IDX header \(dimensions) needs \(expected)")
        }
        guard bytes.count == expected else {
            throw DatasetError(
                "\(name) has \(bytes.count - expected) unexpected bytes after its IDX data \(dimensions)")
        }
        self.dimensions = dimensions
        self.values = Array(bytes[headerSize...])
    }

    /// Wraps values with their dimensions (their product must be `values.count`).
    init(dimensions: [Int], values: [UInt8]) {
        precondition(!dimensions.isEmpty && dimensions.count < 256, "IDXFile: rank \(dimensions.count)")
        precondition(dimensions.allSatisfy { $0 >= 0 && $0 <= Int(UInt32.max) }, "IDXFile: dimensions \(dimensions)")
        precondition(dimensions.reduce(1, *) == values.count, "IDXFile: \(values.count) values for \(dimensions)")
        self.dimensions = dimensions
        self.values = values
    }

    /// The file bytes: header then values.
    func encoded() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(4 + 4 * dimensions.count + values.count)
        out += [0, 0, 0x08, UInt8(dimensions.count)]
        for d in dimensions {
            out += [
                UInt8(truncatingIfNeeded: d >> 24), UInt8(truncatingIfNeeded: d >> 16),
                UInt8(truncatingIfNeeded: d >> 8), UInt8(truncatingIfNeeded: d),
            ]
        }
        out += values
        return out
    }
}

private func hex(_ byte: UInt8) -> String {
    let s = String(byte, radix: 16)
    return s.count == 1 ? "0" + s : s
}
