import Foundation

/// A number in the lock file, written as a JSON number with the fewest digits that read back to the
/// same bits.
///
/// Values that are Float32 (every engine output) are written with Float's shortest round-trip
/// digits, e.g. `0.9866`, and read back through Double -> Float; should that ever double-round to
/// another Float, the exact Double value of the Float is written instead. Other values (seconds)
/// are written with Double's shortest digits.
struct LockedNumber: Codable, Equatable {
    let value: Double

    init(_ value: Double) { self.value = value }
    init(_ value: Float) { self.value = Double(value) }

    /// The value as Float32, for bit comparison of engine outputs.
    var float: Float { Float(value) }

    /// Whether the value is exactly a Float32 (then bits are compared as Float32).
    var isFloat: Bool { Double(Float(value)) == value || value.isNaN }

    init(from decoder: Decoder) throws {
        value = try decoder.singleValueContainer().decode(Double.self)
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        guard isFloat, value.isFinite else {
            try container.encode(value)
            return
        }
        let float = Float(value)
        if let short = Double(float.description), Float(short) == float {
            try container.encode(short)
        } else {
            try container.encode(value)
        }
    }
}
