import Foundation

extension SpecialFunctions {
    /// The regularized incomplete beta function I_x(a, b) and its complement 1 − I_x(a, b), both to
    /// full relative precision (neither is computed as 1 minus the other).
    ///
    /// `x` and `y` must satisfy x + y = 1; passing both lets callers keep the precision of a tiny
    /// `y` (for Student t, x = ν/(ν+t²) and y = t²/(ν+t²) are each computed directly).
    ///
    ///     I_x(a, b) = x^a y^b / (a B(a, b)) · 1/(1+ d₁/(1+ d₂/(1+ …)))
    ///     d₂ₘ₊₁ = −(a+m)(a+b+m) x / ((a+2m)(a+2m+1)),   d₂ₘ = m(b−m) x / ((a+2m−1)(a+2m))
    ///
    /// (DLMF 8.17.22). The fraction converges quickly for x < (a+1)/(a+b+2); otherwise the symmetry
    /// I_x(a, b) = 1 − I_y(b, a) (DLMF 8.17.4) swaps the roles. It is evaluated with the modified
    /// Lentz method (Lentz 1976, Appl. Opt. 15; Thompson & Barnett 1986, J. Comput. Phys. 64).
    public static func regularizedIncompleteBeta(
        x: Double, y: Double, a: Double, b: Double
    ) -> (value: Double, complement: Double) {
        precondition(a > 0 && b > 0, "incomplete beta needs a, b > 0, got \(a), \(b)")
        precondition(x >= 0 && y >= 0 && abs(x + y - 1) <= 1e-12, "need x, y >= 0 with x + y = 1")
        if x == 0 { return (0, 1) }
        if y == 0 { return (1, 0) }
        if x < (a + 1) / (a + b + 2) {
            let v = front(x: x, y: y, a: a, b: b) * continuedFraction(x: x, y: y, a: a, b: b) / a
            return (v, 1 - v)  // v stays below about 0.92 here, so 1 − v keeps 15 digits
        }
        let w = front(x: x, y: y, a: a, b: b) * continuedFraction(x: y, y: x, a: b, b: a) / b
        return (1 - w, w)
    }

    /// x^a y^b / B(a, b), computed in logarithms; ln x and ln y use `log1p` of the smaller partner.
    private static func front(x: Double, y: Double, a: Double, b: Double) -> Double {
        let lnX = x < 0.5 ? log(x) : log1p(-y)
        let lnY = y < 0.5 ? log(y) : log1p(-x)
        return exp(a * lnX + b * lnY - logBeta(a, b))
    }

    /// 1/(1+ d₁/(1+ d₂/(1+ …))) by the modified Lentz method.
    ///
    /// Lentz multiplies the value by a factor Δ = C·D per term. With a = ν/2 in the thousands the
    /// factors approach 1 slowly, and factors within an ulp of 1 would be lost (about 1e-13 of the
    /// result). So each factor's distance from 1 is computed directly from the recurrences
    /// (C − 1 = dₖ/C₋₁, D − 1 = −dₖD₋₁/(1 + dₖD₋₁)) and ln Δ = log1p(Δ − 1) is summed, until the
    /// terms fall below 1e-19. The first denominator uses y = 1 − x, which the caller has exactly.
    private static func continuedFraction(x: Double, y: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        // 1 − (a+b)x/(a+1), written with y = 1 − x: near x = 1 the subtraction would cancel.
        var first = (1 - b + (a + b) * y) / (a + 1)
        if abs(first) < tiny { first = tiny }
        var d = 1 / first
        var logProduct = 0.0
        /// Advances C and D by one term with numerator `n`; returns Δ − 1.
        func advance(_ n: Double) -> Double {
            let nd = n * d
            var denominator = 1 + nd
            var dMinusOne = -nd / denominator
            if abs(denominator) < tiny {
                denominator = tiny
                dMinusOne = (1 - tiny) / tiny
            }
            d = 1 / denominator
            var cMinusOne = n / c
            c = 1 + cMinusOne
            if abs(c) < tiny {
                c = tiny
                cMinusOne = tiny - 1
            }
            return cMinusOne + dMinusOne + cMinusOne * dMinusOne
        }
        for m in 1...maxIterations {
            let m = Double(m)
            let even = advance(m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)))
            let odd = advance(-(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)))
            logProduct += log1p(even) + log1p(odd)
            if abs(even) < 1e-19 && abs(odd) < 1e-19 { break }
        }
        return exp(logProduct) / first
    }

    private static let maxIterations = 1_000_000
}
