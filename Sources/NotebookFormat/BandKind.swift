/// What the shaded band (or the error bars) around a replicated series spans: `band:` on a plot
/// or on one of its series.
public enum BandKind: String, CaseIterable, Equatable, Sendable {
    /// The 95 % confidence interval of the mean over seeds, mean ± t₀.₉₇₅,ₙ₋₁ · sd/√n (the default).
    case ci95
    /// Mean ± the sample standard deviation over seeds (divided by n − 1).
    case sd
    /// The smallest to the largest value over seeds.
    case range
    /// No band: the mean line alone.
    case hidden = "none"

    /// What a series draws when neither it nor its plot says `band:`.
    public static let standard = BandKind.ci95
}
