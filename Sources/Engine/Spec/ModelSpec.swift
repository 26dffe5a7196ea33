/// A sequential model: an `.input` layer followed by the layers in order (Keras `Sequential`).
public struct ModelSpec: Equatable, Sendable {
    public var layers: [LayerSpec]
    public init(layers: [LayerSpec]) { self.layers = layers }

    /// The blog's MNIST model (docs/keras-semantics.md, "The blog's experiment"): Conv2D(32, 3, relu),
    /// MaxPooling2D(), Flatten(), Dense(128, relu), optional Dropout(0.5), Dense(10, softmax).
    public static func blogMNIST(dropout: Bool) -> ModelSpec {
        var layers: [LayerSpec] = [
            .input(shape: [28, 28, 1]),
            .conv2D(
                filters: 32, kernelSize: [3, 3], strides: [1, 1], padding: .valid, activation: .relu, useBias: true),
            .maxPooling2D(poolSize: [2, 2], strides: nil, padding: .valid),
            .flatten,
            .dense(units: 128, activation: .relu, useBias: true),
        ]
        if dropout { layers.append(.dropout(rate: 0.5)) }
        layers.append(.dense(units: 10, activation: .softmax, useBias: true))
        return ModelSpec(layers: layers)
    }
}
