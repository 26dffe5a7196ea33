import Foundation

/// The result of comparing quantity a with quantity b over replicates: the difference of means,
/// its 95 % interval, a two-sided p-value and Cohen's d.
///
/// Built by `welch`, `paired` or `bootstrap`; each needs at least 2 values on each side.
///
/// **Zero spread.** When the standard error is 0 (every value equal within each side for Welch,
/// every difference equal for paired), the t statistic degenerates. nbrun then reports the limit a
/// reader expects rather than NaN: the interval is the single point `diff`; p = 0 if diff ≠ 0 (the
/// data admit no doubt) and p = 1 if diff = 0 (no difference at all); the effect is ±∞ or 0 the
/// same way. `statistic` stays as computed (±∞, or NaN for 0/0) and Welch's
/// `degreesOfFreedom` is NaN when both sides have zero spread. SciPy returns NaN p-values there.
public struct Comparison: Sendable, Equatable {
    /// The test that produced this result.
    public let test: ComparisonTest
    /// n_a, the number of values of a.
    public let countA: Int
    /// n_b, the number of values of b.
    public let countB: Int
    /// mean(a) − mean(b) (for paired, the mean of aᵢ − bᵢ, which is the same number).
    public let diff: Double
    /// The lower end of the 95 % interval of the difference.
    public let ci95Low: Double
    /// The upper end of the 95 % interval of the difference.
    public let ci95High: Double
    /// The two-sided p-value of "no difference".
    public let p: Double
    /// Cohen's d: pooled-sd d for Welch and bootstrap, d_z for paired (see each test).
    public let effect: Double
    /// The t statistic (nil for the bootstrap).
    public let statistic: Double?
    /// The t distribution's degrees of freedom (nil for the bootstrap).
    public let degreesOfFreedom: Double?

    /// Runs `test` on `a` and `b`; `generator` is used by the bootstrap only.
    public static func run<G: RandomNumberGenerator>(
        _ test: ComparisonTest, _ a: [Double], _ b: [Double], using generator: inout G
    ) -> Comparison {
        switch test {
        case .welch: return welch(a, b)
        case .paired: return paired(a, b)
        case .bootstrap: return bootstrap(a, b, using: &generator)
        }
    }

    /// A t-based result: t = diff/se, p = P(|T_ν| ≥ |t|), interval diff ± t₀.₉₇₅,ν · se, with the
    /// zero-spread rule of the type when se = 0.
    static func tBased(
        _ test: ComparisonTest, countA: Int, countB: Int, diff: Double, standardError se: Double,
        degreesOfFreedom df: Double, effect: Double
    ) -> Comparison {
        let t = diff / se
        if se == 0 {
            return Comparison(
                test: test, countA: countA, countB: countB, diff: diff, ci95Low: diff, ci95High: diff,
                p: diff == 0 ? 1 : 0, effect: effect, statistic: t, degreesOfFreedom: df)
        }
        let dist = StudentT(degreesOfFreedom: df)
        let half = dist.quantile(0.975) * se
        return Comparison(
            test: test, countA: countA, countB: countB, diff: diff, ci95Low: diff - half, ci95High: diff + half,
            p: dist.twoSidedP(t), effect: effect, statistic: t, degreesOfFreedom: df)
    }

    /// diff / sd, with 0/0 = 0 and x/0 = ±∞ (the zero-spread rule).
    static func standardized(_ diff: Double, by sd: Double) -> Double {
        sd == 0 && diff == 0 ? 0 : diff / sd
    }
}
