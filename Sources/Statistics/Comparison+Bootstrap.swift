import Foundation

extension Comparison {
    /// The number of resamples of `bootstrap` unless told otherwise.
    public static let defaultResamples = 10_000

    /// A seeded bootstrap of the difference of means (Efron & Tibshirani 1993, *An Introduction to
    /// the Bootstrap*, ch. 13), a and b resampled independently (for seed-paired data use `paired`).
    ///
    /// Resample r = 1 … B draws n_a indices of a, then n_b indices of b, uniformly with replacement,
    /// each index as `⌊u · n / 2⁶⁴⌋` from one 64-bit `generator.next()` u with Lemire's rejection of
    /// the biased low products (Lemire 2019, "Fast random integer generation in an interval", ACM
    /// TOMACS 29), and records δ*_r = mean(a*) − mean(b*) (each mean a left-to-right sum / n).
    ///
    /// - Interval: the percentile interval (Efron & Tibshirani §13.3), the 2.5 % and 97.5 %
    ///   quantiles of the sorted δ* with linear interpolation between order statistics (Hyndman &
    ///   Fan 1996 type 7, NumPy's default): position h = (B − 1) q, value δ*₍⌊h⌋₎ + (h − ⌊h⌋)(δ*₍⌊h⌋+1₎ − δ*₍⌊h⌋₎).
    /// - p: the two-sided achieved significance level of the percentile interval, i.e. the
    ///   smallest α whose (1 − α) interval still excludes 0 (Efron & Tibshirani §15.4), with the
    ///   add-one correction for a finite number of resamples (Davison & Hinkley 1997, *Bootstrap
    ///   Methods and their Application*, eq. 4.11; Phipson & Smyth 2010, "Permutation p-values
    ///   should never be zero"):
    ///
    ///       p = min(1, 2 · min(1 + #{δ* ≤ 0}, 1 + #{δ* ≥ 0}) / (B + 1)).
    ///
    ///   So p < 0.05 agrees with 0 lying outside the interval (up to interpolation), and the
    ///   smallest p with 10,000 resamples is 2/10,001 ≈ 0.0002.
    /// - Effect: the pooled-sd Cohen's d of the observed samples, as for `welch`.
    ///
    /// The same generator state gives the same result on every platform.
    public static func bootstrap<G: RandomNumberGenerator>(
        _ a: [Double], _ b: [Double], resamples: Int = defaultResamples, using generator: inout G
    ) -> Comparison {
        precondition(a.count >= 2 && b.count >= 2, "the bootstrap needs at least 2 values on each side")
        precondition(resamples >= 2, "the bootstrap needs at least 2 resamples")
        var deltas = [Double](repeating: 0, count: resamples)
        for r in 0..<resamples {
            deltas[r] = resampledMean(a, &generator) - resampledMean(b, &generator)
        }
        let below = deltas.reduce(0) { $0 + ($1 <= 0 ? 1 : 0) }
        let above = deltas.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
        let p = Swift.min(1, 2 * Double(Swift.min(below, above) + 1) / Double(resamples + 1))
        deltas.sort()
        let welch = welch(a, b)
        return Comparison(
            test: .bootstrap, countA: a.count, countB: b.count, diff: welch.diff,
            ci95Low: percentile(sorted: deltas, 0.025), ci95High: percentile(sorted: deltas, 0.975), p: p,
            effect: welch.effect, statistic: nil, degreesOfFreedom: nil)
    }

    /// The mean of `values.count` values drawn with replacement, summed in draw order.
    private static func resampledMean<G: RandomNumberGenerator>(_ values: [Double], _ generator: inout G) -> Double {
        var sum = 0.0
        for _ in values.indices { sum += values[uniformIndex(below: values.count, &generator)] }
        return sum / Double(values.count)
    }

    /// ⌊u · n / 2⁶⁴⌋ with Lemire's rejection, so every index is equally likely.
    static func uniformIndex<G: RandomNumberGenerator>(below n: Int, _ generator: inout G) -> Int {
        let bound = UInt64(n)
        var product = generator.next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = generator.next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }

    /// The q-quantile of sorted values, linear between order statistics (type 7).
    static func percentile(sorted: [Double], _ q: Double) -> Double {
        let h = Double(sorted.count - 1) * q
        let i = Int(h.rounded(.down))
        if i + 1 >= sorted.count { return sorted[sorted.count - 1] }
        return sorted[i] + (h - Double(i)) * (sorted[i + 1] - sorted[i])
    }
}
