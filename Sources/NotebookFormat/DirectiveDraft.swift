/// A directive as read from its block, before the whole-notebook checks.
struct DirectiveDraft {
    /// A use of another directive by id, e.g. `train.model`.
    struct Reference {
        var id: String
        var span: Span
        /// What refers, for messages: "`model`".
        var role: String
        /// Kinds the id must name.
        var expected: [DirectiveKind]
        /// True when the id was not written (a train's model defaulting to the train's id).
        var implicit = false
    }

    /// A value path used in the body (plot series, table cells).
    struct PathUse {
        var expression: Expression
        var span: Span
        /// A series is wanted (plot) rather than a single value (table, prose).
        var wantsSeries: Bool
    }

    var kind: DirectiveKind
    var id: String
    var idSpan: Span
    var header: Span
    var display: DisplayOptions
    var labelSpan: Span?
    var source: String
    var body: String
    var normalizedBody = ""
    var payload: DirectivePayload?
    var references: [Reference] = []
    var paths: [PathUse] = []
    /// The body had errors, so defaults may stand in for values written wrongly.
    var hadErrors = false
}
