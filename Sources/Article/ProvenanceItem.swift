/// One label/value pair of the provenance section (`Seed` / `0`, `MNIST train SHA-256` / `06e6...`).
public struct ProvenanceItem: Sendable, Equatable {
    public var label: String
    public var value: String

    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}
