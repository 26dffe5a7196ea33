/// One label/value pair of the provenance section (`Seed` / `0`, `MNIST train SHA-256` / `06e6...`).
public struct ProvenanceItem: Sendable, Equatable {
    public var label: String
    public var value: String
    /// A file beside the page the value links to (the exported Keras script), or nil.
    public var link: String?

    public init(label: String, value: String, link: String? = nil) {
        self.label = label
        self.value = value
        self.link = link
    }
}
