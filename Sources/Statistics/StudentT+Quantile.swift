import Foundation

extension StudentT {
    /// The quantile function (inverse cdf): the t with P(T ≤ t) = p, for 0 < p < 1, to full Double
    /// precision (p = 0 gives −∞, p = 1 gives +∞).
    ///
    /// By symmetry it solves P(T > s) = q for s ≥ 0 with q = min(p, 1 − p): the root is bracketed by
    /// doubling from [0, 1], then refined by Newton's method on ln P(T > s) − ln q (derivative
    /// −f(s)/P(T > s); the logarithm keeps Newton steps sane in the power-law tails of small ν),
    /// falling back to bisection whenever a step would leave the bracket, which shrinks with every
    /// evaluation. It stops when a step is below 2 ulp of s or the bracket is 2 ulp wide.
    public func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "quantile needs 0 <= p <= 1, got \(p)")
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        let q = p < 0.5 ? p : 1 - p
        let s = upperQuantile(q)
        return p < 0.5 ? -s : s
    }

    /// The s ≥ 0 with P(T > s) = q, for 0 < q < ½.
    private func upperQuantile(_ q: Double) -> Double {
        var low = 0.0  // P(T > low) > q
        var high = 1.0
        while upperTail(high) > q {
            low = high
            high *= 2
            if high > 1e300 { return .infinity }
        }
        let logQ = log(q)
        var s = 0.5 * (low + high)
        for _ in 0..<400 {
            let tail = upperTail(s)
            if tail == q { return s }
            if tail > q { low = s } else { high = s }
            if high - low <= 2 * high.ulp { return s }
            let step = (log(tail) - logQ) * tail / density(s)  // Newton on ln P(T > s)
            var next = s + step
            if !(next > low && next < high) || !step.isFinite { next = 0.5 * (low + high) }
            if abs(next - s) <= 2 * s.ulp { return next }
            s = next
        }
        return s
    }
}
