import Foundation

/// Reads and writes lists of Float tensors as raw little-endian float32 with a JSON shape file.
enum CachedFloats {
    /// Writes `tensors` to `folder/name.bin` and their lengths to `folder/name.json`.
    static func write(_ tensors: [[Float]], to folder: URL, name: String) throws {
        var data = Data()
        data.reserveCapacity(tensors.reduce(0) { $0 + $1.count } * 4)
        for tensor in tensors {
            tensor.withUnsafeBufferPointer { buffer in
                for value in buffer {
                    var bits = value.bitPattern.littleEndian
                    withUnsafeBytes(of: &bits) { data.append(contentsOf: $0) }
                }
            }
        }
        try data.write(to: folder.appendingPathComponent("\(name).bin"))
        try JSONEncoder().encode(tensors.map(\.count)).write(to: folder.appendingPathComponent("\(name).json"))
    }

    /// Reads what ``write(_:to:name:)`` wrote; nil if missing or inconsistent.
    static func read(from folder: URL, name: String) -> [[Float]]? {
        guard let lengthData = try? Data(contentsOf: folder.appendingPathComponent("\(name).json")),
            let lengths = try? JSONDecoder().decode([Int].self, from: lengthData),
            let data = try? Data(contentsOf: folder.appendingPathComponent("\(name).bin")),
            data.count == lengths.reduce(0, +) * 4
        else { return nil }
        var tensors: [[Float]] = []
        var offset = 0
        data.withUnsafeBytes { raw in
            for length in lengths {
                var tensor = [Float](repeating: 0, count: length)
                for index in 0..<length {
                    let bits = raw.loadUnaligned(fromByteOffset: offset + index * 4, as: UInt32.self)
                    tensor[index] = Float(bitPattern: UInt32(littleEndian: bits))
                }
                offset += length * 4
                tensors.append(tensor)
            }
        }
        return tensors
    }
}
