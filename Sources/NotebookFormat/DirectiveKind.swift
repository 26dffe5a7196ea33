/// What a fenced ```` ```{kind} id ```` block does.
public enum DirectiveKind: String, Sendable, CaseIterable {
    case dataset, model, train, evaluate, plot, table, samples, misclassified, confusion

    /// Kinds that show a figure (label prefix `fig-`).
    public var isFigure: Bool { [.plot, .samples, .misclassified, .confusion].contains(self) }
    /// Kinds that show a table (label prefix `tbl-`): `table`, and `model` (its summary).
    public var isTable: Bool { self == .table || self == .model }
}
