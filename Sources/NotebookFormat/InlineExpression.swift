/// One `{{ expr }}` in prose.
public struct InlineExpression: Sendable {
    /// The range of the whole `{{ ... }}` in `Prose.markdown`.
    public let range: Range<String.Index>
    public let expression: Expression
    /// Where the opening `{{` is.
    public let location: SourceLocation
}
