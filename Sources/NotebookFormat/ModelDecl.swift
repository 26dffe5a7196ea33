/// A `model` directive: a Keras `Sequential` stack, one layer constructor per line.
public struct ModelDecl: Equatable, Sendable {
    public var layers: [LayerDecl]
    public init(layers: [LayerDecl]) { self.layers = layers }
}

/// One layer line of a `model` body.
public struct LayerDecl: Equatable, Sendable {
    public var kind: LayerKind
    /// Where the constructor's name starts.
    public var location: SourceLocation
    /// The constructor as written (without `layers.` prefix, trailing comma or comment).
    public var text: String
    /// `name="..."` if given (Keras' layer name, for the summary).
    public var name: String?

    public init(kind: LayerKind, location: SourceLocation, text: String, name: String? = nil) {
        self.kind = kind
        self.location = location
        self.text = text
        self.name = name
    }
}

/// A layer with Keras' defaults filled in. Activation is "linear" when absent (Keras `None`);
/// pairs are `[height, width]`; `strides: nil` for pooling means "same as pool size" (Keras).
public enum LayerKind: Equatable, Sendable {
    case input(shape: [Int])
    case conv2D(filters: Int, kernelSize: [Int], strides: [Int], padding: String, activation: String, useBias: Bool)
    case maxPooling2D(poolSize: [Int], strides: [Int]?, padding: String)
    case averagePooling2D(poolSize: [Int], strides: [Int]?, padding: String)
    case flatten
    case dense(units: Int, activation: String, useBias: Bool)
    case dropout(rate: Double)
    case activation(String)
    case batchNormalization(momentum: Double, epsilon: Double)
}
