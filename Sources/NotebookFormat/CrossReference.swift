/// An `@fig-acc` / `@tbl-summary` reference in prose (Quarto's syntax).
public struct CrossReference: Sendable {
    /// The label without `@`, prefix lower-cased (`@Fig-acc` has label `fig-acc`).
    public let label: String
    /// The range of `@label` in `Prose.markdown`.
    public let range: Range<String.Index>
    public let location: SourceLocation
    /// True for `@Fig-acc` (Quarto: render the prefix capitalised, "Figure 1" not "figure 1").
    public let capitalized: Bool
}
