/// One fenced ```` ```{kind} id ```` block, parsed and checked.
public struct Directive: Sendable {
    public let kind: DirectiveKind
    public let id: String
    public let display: DisplayOptions
    /// The whole fenced block as written, fences included (for `echo`).
    public let source: String
    /// The body after `${name}` substitution, without the `#|` lines.
    public let body: String
    /// Canonical text of what the body means, for cache keys: defaults filled in, keys in a
    /// fixed order, comments, layer names and display options dropped. Same meaning, same text.
    public let normalizedBody: String
    public let payload: DirectivePayload
    /// The opening fence (line of the fence, column of its first backtick).
    public let location: SourceLocation
    /// Ids of the directives it uses, in order of first use. A `train` whose model shares its
    /// id lists that id; resolve with `Notebook.dependencies(of:)` to get directives.
    public let dependencies: [String]
    /// The same uses resolved to kinds, in the same order (one per id and kind).
    public let references: [DirectiveReference]

    public init(
        kind: DirectiveKind, id: String, display: DisplayOptions, source: String, body: String,
        normalizedBody: String, payload: DirectivePayload, location: SourceLocation,
        dependencies: [String], references: [DirectiveReference]
    ) {
        self.kind = kind
        self.id = id
        self.display = display
        self.source = source
        self.body = body
        self.normalizedBody = normalizedBody
        self.payload = payload
        self.location = location
        self.dependencies = dependencies
        self.references = references
    }
}
