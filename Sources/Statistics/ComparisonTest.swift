/// Which test a `{compare}` runs; the raw values are the notebook's spellings.
public enum ComparisonTest: String, Sendable, CaseIterable, Equatable {
    /// Welch's unequal-variance two-sample t-test (`Comparison.welch`).
    case welch
    /// The paired t-test on aᵢ − bᵢ, i = seed index (`Comparison.paired`).
    case paired
    /// The seeded percentile bootstrap of the difference of means (`Comparison.bootstrap`).
    case bootstrap
}
