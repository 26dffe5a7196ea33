/// Quarto-style `#|` options at the top of a directive body.
public struct DisplayOptions: Equatable, Sendable {
    /// Show the directive's source in the article.
    public var echo: Bool = true
    public var caption: String?
    /// Cross-reference target: `fig-...` for figures, `tbl-...` for tables.
    public var label: String?

    public init(echo: Bool = true, caption: String? = nil, label: String? = nil) {
        self.echo = echo
        self.caption = caption
        self.label = label
    }

    /// Option names accepted (`fig-cap`/`tbl-cap` are Quarto spellings of `caption`).
    public static let keys = ["echo", "caption", "label", "fig-cap", "tbl-cap"]
}
