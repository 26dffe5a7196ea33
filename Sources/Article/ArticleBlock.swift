/// One piece of the article body.
public enum ArticleBlock: Sendable {
    /// Prose in CommonMark + GitHub extensions (tables, strikethrough, autolinks). Inline values are
    /// already substituted; `@fig-...` / `@tbl-...` references are resolved by the writer.
    case markdown(String)
    /// A numbered figure (図 N / Figure N).
    case figure(Figure)
    /// A numbered results table (表 N / Table N).
    case table(ResultTable)
    /// The source of a directive, shown with simple syntax colouring.
    case code(CodeEcho)
    /// A Keras-style model summary (layer, output shape, parameters).
    case modelSummary(ModelSummary)
    /// A checked claim (主張 N / Claim N) as a callout.
    case claim(ClaimCallout)
}
