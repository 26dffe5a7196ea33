/// What a fenced ```` ```{kind} id ```` block does.
public enum DirectiveKind: String, Sendable, CaseIterable {
    case dataset, model, train, evaluate, plot, table, samples, misclassified, confusion
    case prune, sweep, histogram
    /// Statistics over replicates: a comparison of two values and a checked conclusion.
    case compare, claim

    /// Kinds that show a figure (label prefix `fig-`).
    public var isFigure: Bool { [.plot, .samples, .misclassified, .confusion, .histogram].contains(self) }
    /// Kinds that show a table (label prefix `tbl-`): `table`, `model` (its summary), and
    /// `prune` / `sweep` (their results).
    public var isTable: Bool { [.table, .model, .prune, .sweep].contains(self) }
    /// The prefix of its `#| label:`: `fig-` for figures, `tbl-` for tables, `clm-` for claims;
    /// nil for kinds that cannot be labelled.
    public var labelPrefix: String? {
        isFigure ? "fig-" : isTable ? "tbl-" : self == .claim ? "clm-" : nil
    }
}
