/// The source of a directive, echoed in the article with simple syntax colouring.
public struct CodeEcho: Sendable {
    /// Directive kind (`train`, `model`, `plot`...). `model` bodies are coloured as Keras layer calls.
    public var kind: String
    /// Directive id.
    public var id: String
    /// The fenced block as written, fences included or not. `#|` option lines are not shown.
    public var source: String
    /// `false` hides the block entirely (Quarto's `echo: false`).
    public var echo: Bool
    /// `true` shows the block collapsed in a `<details>` element (Quarto's `code-fold: true`).
    public var folded: Bool

    public init(kind: String, id: String, source: String, echo: Bool = true, folded: Bool = false) {
        self.kind = kind
        self.id = id
        self.source = source
        self.echo = echo
        self.folded = folded
    }
}
