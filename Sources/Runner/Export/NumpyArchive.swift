import Datasets
import Foundation

/// A NumPy `.npz` file built in memory: named arrays, each a `.npy` (format 1.0) entry of an
/// uncompressed zip, as `numpy.savez` writes them and `numpy.load` reads them.
///
/// `.npy`: the magic `\x93NUMPY`, version 1.0, a little-endian UInt16 header length, then the
/// header `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 3, 1, 32), }` padded with spaces
/// and a newline so that the data starts at a multiple of 64, then the values in C order.
struct NumpyArchive {
    private var entries: [(name: String, bytes: [UInt8])] = []

    /// The entries' names, in the order they were added.
    var names: [String] { entries.map(\.name) }

    /// Float32 values (`<f4`) of `shape`, row-major.
    mutating func add(_ name: String, float32 values: [Float], shape: [Int]) {
        add(name, descr: "<f4", values, shape: shape) { $0.bitPattern }
    }

    /// Float64 values (`<f8`) of `shape`.
    mutating func add(_ name: String, float64 values: [Double], shape: [Int]) {
        add(name, descr: "<f8", values, shape: shape) { $0.bitPattern }
    }

    /// Int32 values (`<i4`) of `shape`.
    mutating func add(_ name: String, int32 values: [Int32], shape: [Int]) {
        add(name, descr: "<i4", values, shape: shape) { $0 }
    }

    /// Unsigned bytes (`|u1`) of `shape`.
    mutating func add(_ name: String, uint8 values: [UInt8], shape: [Int]) {
        add(name, descr: "|u1", values, shape: shape) { $0 }
    }

    /// An entry of `values` stored as the little-endian bytes of `bits(value)`, each.
    private mutating func add<Value, Bits: FixedWidthInteger>(
        _ name: String, descr: String, _ values: [Value], shape: [Int], bits: (Value) -> Bits
    ) {
        precondition(values.count == shape.reduce(1, *), "\(name): \(values.count) values for shape \(shape)")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * MemoryLayout<Bits>.size)
        for v in values { withUnsafeBytes(of: bits(v).littleEndian) { bytes += $0 } }
        entries.append((name, Self.header(descr: descr, shape: shape) + bytes))
    }

    static func header(descr: String, shape: [Int]) -> [UInt8] {
        let dims = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var text = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(dims), }"
        let unpadded = 10 + text.utf8.count + 1
        text += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        let length = UInt16(text.utf8.count)
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + Array(text.utf8)
    }

    /// The zip file (stored entries `<name>.npy`, no compression, no data descriptors).
    func zipped() -> Data {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ to: inout [UInt8]) { to += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: Int, _ to: inout [UInt8]) {
            for s in stride(from: 0, to: 32, by: 8) { to.append(UInt8((v >> s) & 0xFF)) }
        }
        for entry in entries {
            let name = Array((entry.name + ".npy").utf8)
            let crc = Int(Zlib.crc32(entry.bytes))
            let offset = out.count
            // No flags, stored, time/date 0 (so the bytes never depend on the clock), the CRC and
            // the sizes, the name's length, no extra field.
            func shared(_ to: inout [UInt8]) {
                u16(0, &to)
                u16(0, &to)
                u16(0, &to)
                u16(0x21, &to)
                u32(crc, &to)
                u32(entry.bytes.count, &to)
                u32(entry.bytes.count, &to)
                u16(name.count, &to)
                u16(0, &to)
            }
            // Local file header: signature, version needed 2.0, then the fields it shares with the
            // central directory's record.
            u32(0x0403_4B50, &out)
            u16(20, &out)
            shared(&out)
            out += name
            out += entry.bytes
            // Central directory record: signature, made by 2.0, needed 2.0, the shared fields, no
            // comment, disk 0, no attributes, then where the local header starts.
            u32(0x0201_4B50, &central)
            u16(20, &central)
            u16(20, &central)
            shared(&central)
            u16(0, &central)
            u16(0, &central)
            u16(0, &central)
            u32(0, &central)
            u32(offset, &central)
            central += name
        }
        let centralOffset = out.count
        out += central
        u32(0x0605_4B50, &out)
        u16(0, &out)
        u16(0, &out)
        u16(entries.count, &out)
        u16(entries.count, &out)
        u32(central.count, &out)
        u32(centralOffset, &out)
        u16(0, &out)
        return Data(out)
    }
}
