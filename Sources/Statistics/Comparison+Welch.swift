import Foundation

extension Comparison {
    /// Welch's two-sample t-test for unequal variances (Welch 1947, Biometrika 34), SciPy's
    /// `ttest_ind(a, b, equal_var=False)`:
    ///
    ///     se = √(s_a²/n_a + s_b²/n_b),   t = (x̄_a − x̄_b) / se,
    ///     ν = se⁴ / ((s_a²/n_a)²/(n_a − 1) + (s_b²/n_b)²/(n_b − 1))   (Welch–Satterthwaite),
    ///
    /// two-sided p = P(|T_ν| ≥ |t|), 95 % interval (x̄_a − x̄_b) ± t₀.₉₇₅,ν · se (SciPy's
    /// `confidence_interval(0.95)` of the result). The effect is Cohen's d with the pooled standard
    /// deviation (Cohen 1988, *Statistical Power Analysis for the Behavioral Sciences*, 2nd ed., §2.2):
    ///
    ///     d = (x̄_a − x̄_b) / s_p,   s_p = √(((n_a − 1) s_a² + (n_b − 1) s_b²) / (n_a + n_b − 2)).
    ///
    /// Needs n_a, n_b ≥ 2 (a programmer error otherwise: the checker rejects fewer seeds).
    public static func welch(_ a: [Double], _ b: [Double]) -> Comparison {
        precondition(a.count >= 2 && b.count >= 2, "Welch's test needs at least 2 values on each side")
        let sa = Summary(a)
        let sb = Summary(b)
        let na = Double(a.count)
        let nb = Double(b.count)
        let va = sa.sd * sa.sd / na
        let vb = sb.sd * sb.sd / nb
        let se = (va + vb).squareRoot()
        let df = (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1))
        let pooled = (((na - 1) * sa.sd * sa.sd + (nb - 1) * sb.sd * sb.sd) / (na + nb - 2)).squareRoot()
        let diff = sa.mean - sb.mean
        return tBased(
            .welch, countA: a.count, countB: b.count, diff: diff, standardError: se, degreesOfFreedom: df,
            effect: standardized(diff, by: pooled))
    }
}
