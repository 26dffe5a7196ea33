import Foundation

extension Comparison {
    /// The paired t-test (Student 1908) on the differences dᵢ = aᵢ − bᵢ of values with the same index
    /// (the same seed), SciPy's `ttest_rel(a, b)`:
    ///
    ///     t = d̄ / (s_d/√n),   ν = n − 1,   p = P(|T_ν| ≥ |t|),   95 % interval d̄ ± t₀.₉₇₅,ν · s_d/√n.
    ///
    /// The effect is d_z = d̄ / s_d, Cohen's d for paired data (Cohen 1988, §2.3.5; Lakens 2013,
    /// "Calculating and reporting effect sizes", Front. Psychol. 4:863, eq. 6): it measures the
    /// difference against the spread of the differences, which is what the paired test sees.
    ///
    /// Needs a.count == b.count >= 2 (a programmer error otherwise: the checker compares seed counts).
    public static func paired(_ a: [Double], _ b: [Double]) -> Comparison {
        precondition(a.count == b.count, "a paired test needs as many values of a as of b")
        precondition(a.count >= 2, "a paired test needs at least 2 pairs")
        let d = Summary(zip(a, b).map { $0 - $1 })
        return tBased(
            .paired, countA: a.count, countB: b.count, diff: d.mean, standardError: d.standardError,
            degreesOfFreedom: Double(a.count - 1), effect: standardized(d.mean, by: d.sd))
    }
}
