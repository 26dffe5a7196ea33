/// A run of Markdown between directives, kept as its raw source so it renders with cmark-gfm later.
public struct Prose: Sendable {
    /// The source lines as written (front matter and directives excluded).
    public let markdown: String
    /// Where `markdown` starts (column 1 of its first line).
    public let location: SourceLocation
    /// `{{ expr }}` occurrences outside code, in order.
    public let expressions: [InlineExpression]
    /// `@fig-...` / `@tbl-...` references outside code, in order.
    public let references: [CrossReference]
}
