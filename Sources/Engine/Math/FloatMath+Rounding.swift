/// Integer rounding of doubles without a call into the C library (the default x86-64 target has no
/// rounding instruction, so `rounded(_:)` calls `floor`/`round`, which spills every register around
/// the call in a pixel loop). The trick: for |v| < 2^51, (v + 1.5·2^52) − 1.5·2^52 is v rounded to
/// the nearest integer (ties to even), both operations exact but the rounding of the sum; its
/// bit pattern minus that of 1.5·2^52 is the integer itself. Larger magnitudes and NaN take
/// the library path.
extension FloatMath {
    /// 1.5·2^52: adding it to |v| < 2^51 lands in [2^52, 2^53), where doubles are the integers.
    static let integerMagic = 0x1.8p52

    /// ⌊v⌋ with the bits of `v.rounded(.down)`: with r the nearest integer, ⌊v⌋ = r − 1 when r > v
    /// (|r − v| ≤ 1/2), else r; and −0 stays −0 (r would be +0).
    @inline(__always)
    static func floor(_ v: Double) -> Double {
        guard abs(v) < 0x1p51 else { return v.rounded(.down) }
        let r = (v + integerMagic) - integerMagic
        let f = r > v ? r - 1 : r
        return v == 0 ? v : f
    }

    /// v rounded to the nearest integer, halves away from zero: the value of `v.rounded()` (a zero
    /// result may carry the other sign). v − r is exact (|v − r| ≤ 1/2 on v's grid); at a tie,
    /// v ± 1/2 is the integer away from zero, exactly.
    @inline(__always)
    static func round(_ v: Double) -> Double {
        guard abs(v) < 0x1p51 else { return v.rounded() }
        let r = (v + integerMagic) - integerMagic
        return abs(v - r) == 0.5 ? (v > 0 ? v + 0.5 : v - 0.5) : r
    }

    /// The integer-valued v as an Int, or `outside` when |v| ≥ 2^51 or v is NaN.
    @inline(__always)
    static func integer(_ v: Double, outside: Int) -> Int {
        guard abs(v) < 0x1p51 else { return outside }
        return Int(bitPattern: UInt((v + integerMagic).bitPattern)) &- Int(bitPattern: UInt(integerMagic.bitPattern))
    }
}
