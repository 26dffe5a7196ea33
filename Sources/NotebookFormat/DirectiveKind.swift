import Vocabulary

/// What a fenced ```` ```{kind} id ```` block does.
public enum DirectiveKind: String, Sendable, CaseIterable {
    case dataset, model, train, evaluate, plot, table, samples, misclassified, confusion
    case prune, sweep, histogram
    /// Statistics over replicates: a comparison of two values and a checked conclusion.
    case compare, claim
    /// scikit-learn's classification report of an evaluation, as a table.
    case report

    /// Kinds that show a figure (label prefix `fig-`).
    public var isFigure: Bool { [.plot, .samples, .misclassified, .confusion, .histogram].contains(self) }
    /// Kinds that show a table (label prefix `tbl-`): `table`, `model` (its summary), and
    /// `prune` / `sweep` (their results), `report`.
    public var isTable: Bool { [.table, .model, .prune, .sweep, .report].contains(self) }
    /// What its `#| label:` names (`fig-` figures, `tbl-` tables, `clm-` claims); nil for kinds
    /// that cannot be labelled.
    public var crossReferenceKind: CrossReferenceKind? {
        isFigure ? .figure : isTable ? .table : self == .claim ? .claim : nil
    }
}
