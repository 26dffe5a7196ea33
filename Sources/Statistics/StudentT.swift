import Foundation

/// Student's t distribution with ν > 0 degrees of freedom (ν need not be an integer: Welch's test
/// gives fractional ν). Probabilities are computed, not tabled, to about 1e-14 relative.
///
/// Upper tail (Abramowitz & Stegun 26.7.1 with 26.5.27; DLMF 8.17.1):
///
///     P(T > t) = ½ I_{ν/(ν+t²)}(ν/2, ½)   for t ≥ 0,
///
/// with I the regularized incomplete beta (`SpecialFunctions.regularizedIncompleteBeta`); the
/// lower tail follows by symmetry, P(T ≤ −t) = P(T > t). Tails are computed directly, so
/// `upperTail(40)` keeps its relative precision where `1 - cdf(40)` would round to 0.
public struct StudentT: Sendable, Equatable {
    /// ν, the degrees of freedom.
    public let degreesOfFreedom: Double

    /// A t distribution; `degreesOfFreedom` must be positive and finite.
    public init(degreesOfFreedom: Double) {
        precondition(
            degreesOfFreedom > 0 && degreesOfFreedom.isFinite,
            "degrees of freedom must be positive and finite, got \(degreesOfFreedom)")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// The density f(t) = Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2).
    public func density(_ t: Double) -> Double {
        let v = degreesOfFreedom
        let logNorm =
            SpecialFunctions.logGamma((v + 1) / 2) - SpecialFunctions.logGamma(v / 2) - 0.5 * log(v * Double.pi)
        return exp(logNorm - (v + 1) / 2 * log1p(t * t / v))
    }

    /// P(T > t).
    public func upperTail(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        if t == .infinity { return 0 }
        if t == -.infinity { return 1 }
        let tail = halfTwoSided(abs(t))
        return t >= 0 ? tail.small : tail.large
    }

    /// P(T ≤ t), the cumulative distribution function.
    public func cdf(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        return upperTail(-t)
    }

    /// P(|T| ≥ |t|), the two-sided p-value of a t statistic.
    public func twoSidedP(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        if t.isInfinite { return 0 }
        let v = degreesOfFreedom
        let t2 = t * t
        return SpecialFunctions.regularizedIncompleteBeta(x: v / (v + t2), y: t2 / (v + t2), a: v / 2, b: 0.5).value
    }

    /// For s ≥ 0: `small` = P(T > s), `large` = P(T ≤ s), each computed without cancellation.
    private func halfTwoSided(_ s: Double) -> (small: Double, large: Double) {
        let v = degreesOfFreedom
        let s2 = s * s
        let beta = SpecialFunctions.regularizedIncompleteBeta(x: v / (v + s2), y: s2 / (v + s2), a: v / 2, b: 0.5)
        return (0.5 * beta.value, 0.5 + 0.5 * beta.complement)
    }
}
