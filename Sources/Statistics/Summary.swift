import Foundation

/// Descriptive statistics of one quantity measured over replicates (one value per seed).
///
/// - `mean` = x̄ = (1/n) Σ xᵢ, computed as x₁ + (1/n) Σ (xᵢ − x₁) so that n equal values give exactly
///   that value (and a standard deviation of exactly 0).
/// - `sd` = s = √(Σ (xᵢ − x̄)² / (n − 1)), the sample standard deviation (NumPy `std(ddof=1)`);
///   NaN for n = 1, where it is undefined.
/// - `median`: the middle value, or the mean of the two middle values for even n (NumPy `median`).
/// - `ci95`: the half-width of the 95 % confidence interval of the mean, t₀.₉₇₅,ₙ₋₁ · s/√n
///   (Student 1908; the interval x̄ ± ci95 is SciPy's `t.interval(0.95, n-1, x̄, s/√n)`); NaN for n = 1.
public struct Summary: Sendable, Equatable {
    /// The values as given (seed order).
    public let values: [Double]
    /// n, the number of values.
    public var count: Int { values.count }
    /// x̄.
    public let mean: Double
    /// s (n − 1 in the denominator); NaN for n = 1.
    public let sd: Double
    /// The median.
    public let median: Double
    /// The smallest value.
    public let min: Double
    /// The largest value.
    public let max: Double

    /// Summarizes `values`; they must be non-empty. Non-finite values propagate (a NaN gives NaN).
    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "a summary needs at least one value")
        self.values = values
        mean = Summary.mean(values)
        sd = Summary.standardDeviation(values, mean: mean)
        let sorted = values.sorted()
        let n = sorted.count
        median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2])
        min = sorted[0]
        max = sorted[n - 1]
    }

    /// The standard error of the mean, s/√n.
    public var standardError: Double { sd / Double(count).squareRoot() }

    /// The half-width of the 95 % confidence interval of the mean, t₀.₉₇₅,ₙ₋₁ · s/√n; NaN for n = 1.
    public var ci95: Double {
        guard count >= 2 else { return .nan }
        return StudentT(degreesOfFreedom: Double(count - 1)).quantile(0.975) * standardError
    }

    /// x̄ with the shift by x₁ described on the type.
    static func mean(_ values: [Double]) -> Double {
        let origin = values[0]
        var sum = 0.0
        for v in values { sum += v - origin }
        return origin + sum / Double(values.count)
    }

    /// s, two-pass around `mean`; NaN for one value.
    static func standardDeviation(_ values: [Double], mean: Double) -> Double {
        guard values.count >= 2 else { return .nan }
        var squares = 0.0
        for v in values { squares += (v - mean) * (v - mean) }
        return (squares / Double(values.count - 1)).squareRoot()
    }
}
