/// The engine's own exp, log, tanh and sigmoid for Float: fixed sequences of IEEE double
/// operations (no libm, no fused multiply-add: Swift never contracts), so every CPU and platform
/// gives the same bits. glibc alone picks different `expf` code per CPU; other libms differ again.
///
/// Method: the argument is converted to double exactly, the function is evaluated with an error
/// of a few double ulps (about 2^-50 relative), and the result is rounded to Float once. The
/// result is therefore the correctly rounded one except when the exact value lies within ~2^-26
/// Float ulps of a rounding midpoint: at most 0.5 ulp + 2^-26 ulp of error (tested against
/// Float80 references, EngineTests/FloatMathTests).
/// - exp: x = n ln2 + r with n = round(x / ln2) and ln2 split in two parts (Cody & Waite 1980) so
///   that n ln2_hi is exact, |r| <= ln2 / 2; e^r by its Taylor series to degree 13 (truncation
///   below 2^-57), then scaled by 2^n exactly.
/// - log: x = m 2^e with m in [sqrt(1/2), sqrt(2)); log m = 2 atanh(s), s = (m - 1) / (m + 1),
///   |s| <= 0.1716, by its series to s^21; log x = e ln2 + log m.
/// - tanh: sign(x) (t - 1) / (t + 1) with t = e^(2|x|); x itself times (1 - x^2/3 + 2x^4/15) below
///   2^-12 (where t - 1 would cancel), +-1 beyond 10.
/// - sigmoid: 1 / (1 + e^-x).
/// - power (Adam's bias corrections, the pruning schedule): binary exponentiation for integer
///   exponents, e^(y log x) in double otherwise.
enum FloatMath {
    /// e^x.
    static func exp(_ x: Float) -> Float {
        if x.isNaN { return x }
        if x > 100 { return .infinity }
        if x < -200 { return 0 }
        return Float(expDouble(Double(x)))
    }

    /// Natural logarithm; -inf at 0, NaN below 0.
    static func log(_ x: Float) -> Float {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return x }
        return Float(logDouble(Double(x)))
    }

    /// Hyperbolic tangent.
    static func tanh(_ x: Float) -> Float {
        let a = Double(x.magnitude)
        if a < 0x1p-12 {
            let d = Double(x)
            let d2 = d * d
            return Float(d * (1 - d2 / 3 + 2 * (d2 * d2) / 15))
        }
        if a > 10 { return x < 0 ? -1 : 1 }
        let t = expDouble(2 * a)
        let r = Float((t - 1) / (t + 1))
        return x < 0 ? -r : r
    }

    /// Logistic function 1 / (1 + e^-x).
    static func sigmoid(_ x: Float) -> Float {
        if x.isNaN { return x }
        let d = min(max(Double(x), -700), 700)
        return Float(1 / (1 + expDouble(-d)))
    }

    /// x^y for x >= 0: binary exponentiation when y is an integer (relative error below y 2^-53:
    /// 3e-12 after 30,000 Adam steps, far below Float's 6e-8), else e^(y log x) in double.
    static func power(_ x: Double, _ y: Double) -> Double {
        precondition(x >= 0, "power of a negative base")
        if y == 0 { return 1 }
        if x == 0 { return y > 0 ? 0 : .infinity }
        if y.magnitude < 0x1p31, y == y.rounded(.towardZero) {
            var result = 1.0
            var base = x
            var n = Int(y.magnitude)
            while n > 0 {
                if n & 1 == 1 { result *= base }
                base *= base
                n >>= 1
            }
            return y < 0 ? 1 / result : result
        }
        return expDouble(min(max(y * logDouble(x), -709), 709))
    }

    /// e^x for |x| <= 709 (relative error about 2^-51).
    static func expDouble(_ x: Double) -> Double {
        let log2e = 1.4426950408889634
        let ln2Hi = 6.93147180369123816490e-01  // 0x3FE62E42FEE00000: 32 significant bits
        let ln2Lo = 1.90821492927058770002e-10
        // Rounds to the nearest integer with IEEE additions only (exact for |v| < 2^51).
        let shifter = 6755399441055744.0  // 1.5 * 2^52
        let n = (x * log2e + shifter) - shifter
        let r = (x - n * ln2Hi) - n * ln2Lo
        var p = expTaylor[13]
        for d in stride(from: 12, through: 0, by: -1) { p = p * r + expTaylor[d] }
        return Double(sign: .plus, exponent: Int(n), significand: p)
    }

    /// log x for finite x > 0 (absolute error about 2^-52 near 1, relative elsewhere).
    static func logDouble(_ x: Double) -> Double {
        let ln2 = 0.6931471805599453
        var e = Double(x.exponent)
        var m = x.significand  // [1, 2), exact
        if m > 1.4142135623730951 {
            m /= 2  // exact
            e += 1
        }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var q = atanhSeries[10]
        for i in stride(from: 9, through: 0, by: -1) { q = q * s2 + atanhSeries[i] }
        return e * ln2 + 2 * s * q
    }

    /// 1 / d! for d in 0...13 (each the previous one divided by d).
    private static let expTaylor: [Double] = {
        var c = [1.0]
        for d in 1...13 { c.append(c[d - 1] / Double(d)) }
        return c
    }()

    /// 1 / (2i + 1) for i in 0...10: log m = 2 s sum_i s^(2i) / (2i + 1).
    private static let atanhSeries: [Double] = (0...10).map { 1 / Double(2 * $0 + 1) }
}
