/// Sine and cosine for the augmentation layers' rotation angles, as fixed sequences of IEEE double
/// operations (no libm), so every platform computes the same bits.
///
/// Range reduction: k = round(x / (π/2)), r = (x − k·p1) − k·p2 with π/2 = p1 + p2 (Cody–Waite,
/// p1 exact in 33 bits, so k·p1 is exact for |k| < 2^20); then Taylor polynomials on |r| ≤ π/4
/// through r^17 (sine) and r^18 (cosine), whose truncation error is below 1e-19, in Horner form.
/// Accurate to a few units in the last place for |x| ≤ 2^20 (the layers pass |x| ≤ 2π).
extension FloatMath {
    private static let halfPiHigh = 1.57079632673412561417e+00
    private static let halfPiLow = 6.07710050650619224932e-11
    private static let twoOverPi = 6.36619772367581382433e-01

    /// (sin x, cos x).
    static func sinCos(_ x: Double) -> (sin: Double, cos: Double) {
        let k = (x * twoOverPi).rounded(.toNearestOrEven)
        let r = (x - k * halfPiHigh) - k * halfPiLow
        let s = sinPolynomial(r)
        let c = cosPolynomial(r)
        switch Int(k) & 3 {
        case 0: return (s, c)
        case 1: return (c, -s)
        case 2: return (-s, -c)
        default: return (-c, s)
        }
    }

    /// r − r³/3! + r⁵/5! − … + r¹⁷/17!, as r + r·z·p(z) with z = r² in Horner form.
    private static func sinPolynomial(_ r: Double) -> Double {
        let z = r * r
        var p = 1.0 / 355_687_428_096_000.0  // 1/17!
        for d in [-1_307_674_368_000.0, 6_227_020_800.0, -39_916_800.0, 362_880.0, -5_040.0, 120.0, -6.0] {
            p = p * z + 1.0 / d
        }
        return r + r * z * p
    }

    /// 1 − r²/2! + r⁴/4! − … − r¹⁸/18!, as 1 − z·p(z) with z = r² in Horner form.
    private static func cosPolynomial(_ r: Double) -> Double {
        let z = r * r
        var p = 1.0 / 6_402_373_705_728_000.0  // 1/18!
        for d in [
            -20_922_789_888_000.0, 87_178_291_200.0, -479_001_600.0, 3_628_800.0, -40_320.0, 720.0, -24.0, 2.0,
        ] {
            p = p * z + 1.0 / d
        }
        return 1.0 - z * p
    }
}
