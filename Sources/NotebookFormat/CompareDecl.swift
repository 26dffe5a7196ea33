/// A `compare` directive: is the difference between two replicated values real?
///
/// `a` and `b` are value paths picking one number per seed (`with_dropout.history.val_loss.last`);
/// the runner compares them with `test` and offers `diff`, `ci95.low`, `ci95.high`, `p`, `effect`,
/// `n_a`, `n_b` to expressions and claims.
public struct CompareDecl: Equatable, Sendable {
    /// How the two sets of values are compared.
    public enum Test: String, Equatable, Sendable, CaseIterable {
        /// Welch's unequal-variance t-test (the default: it assumes neither equal spreads nor pairing).
        case welch
        /// The paired t-test on aᵢ − bᵢ, seed i against seed i (both need the same number of seeds).
        case paired
        /// A seeded percentile bootstrap of the difference of means, 10,000 resamples.
        case bootstrap
    }

    /// The first quantity (the difference is a − b).
    public var a: ValuePath
    /// The second quantity.
    public var b: ValuePath
    /// Default `welch`.
    public var test: Test

    public init(a: ValuePath, b: ValuePath, test: Test = .welch) {
        self.a = a
        self.b = b
        self.test = test
    }
}
