import Vocabulary

/// A `model` directive: a Keras `Sequential` stack, one layer constructor per line.
public struct ModelDecl: Equatable, Sendable {
    public var layers: [LayerDecl]
    public init(layers: [LayerDecl]) { self.layers = layers }

    /// The layers as the engine builds them.
    public var specs: [LayerSpec] { layers.map(\.spec) }
}

/// One layer line of a `model` body.
public struct LayerDecl: Equatable, Sendable {
    public var spec: LayerSpec
    /// Where the constructor's name starts.
    public var location: SourceLocation
    /// The constructor as written (without `layers.` prefix, trailing comma or comment).
    public var text: String
    /// `name="..."` if given (Keras' layer name, for the summary).
    public var name: String?

    public init(spec: LayerSpec, location: SourceLocation, text: String, name: String? = nil) {
        self.spec = spec
        self.location = location
        self.text = text
        self.name = name
    }
}
