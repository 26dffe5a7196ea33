import Foundation

/// Lists of Float tensors as raw little-endian float32 bytes plus a JSON list of their lengths.
///
/// Pure encoding: the bytes are read and written by ``ResultCache``, which also verifies them.
enum CachedFloats {
    /// The tensors' bytes (`weights.bin`) and their lengths as JSON (`weights.json`).
    static func encode(_ tensors: [[Float]]) throws -> (values: Data, lengths: Data) {
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
        return (data, try JSONEncoder().encode(tensors.map(\.count)))
    }

    /// Decodes what ``encode(_:)`` produced; nil when the lengths do not match the bytes.
    static func decode(values data: Data, lengths lengthData: Data) -> [[Float]]? {
        guard let lengths = try? JSONDecoder().decode([Int].self, from: lengthData),
            lengths.allSatisfy({ $0 >= 0 && $0 <= data.count / 4 }),
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
