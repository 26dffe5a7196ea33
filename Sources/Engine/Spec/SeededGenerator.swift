/// The engine's only source of randomness: SplitMix64 (Steele, Lea, Flood 2014, "Fast splittable
/// pseudorandom number generators"), passed explicitly to every call that needs randomness.
///
/// State update: `s += 0x9E3779B97F4A7C15`; output: `z = s; z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
/// z = (z ^ (z >> 27)) * 0x94D049BB133111EB; z ^ (z >> 31)`. The same seed gives the same stream on
/// every platform.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    /// The full internal state; equal states produce equal streams.
    public private(set) var state: UInt64

    /// Starts the stream at `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform Float in [0, 1): the top 24 bits of `next()` times 2^-24 (every value exact).
    public mutating func nextUniformFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A uniform Float in [low, high): `low + (high - low) * u` with `u` from `nextUniformFloat()`.
    public mutating func nextUniformFloat(in low: Float, _ high: Float) -> Float {
        low + (high - low) * nextUniformFloat()
    }

    /// A uniform integer in 0..<bound, unbiased (Lemire 2019 multiply-and-reject).
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        var m = next().multipliedFullWidth(by: b)
        if m.low < b {
            let threshold = (0 &- b) % b
            while m.low < threshold { m = next().multipliedFullWidth(by: b) }
        }
        return Int(m.high)
    }

    /// An independent generator derived from this one (consumes one value).
    public mutating func split() -> SeededGenerator { SeededGenerator(seed: next()) }
}
