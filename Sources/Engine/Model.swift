/// A sequential model built from a `ModelSpec`: weights initialised as Keras does (glorot_uniform
/// kernels drawn in layer order from the given generator, zero biases; BatchNormalization gamma 1,
/// beta 0, moving mean 0, moving variance 1).
public final class Model {
    public let spec: ModelSpec
    /// Per-layer output shapes (index 0 = input), without the batch dimension.
    public let shapes: [[Int]]
    let network: Network

    public init(spec: ModelSpec, generator: inout SeededGenerator) throws {
        self.spec = spec
        shapes = try spec.outputShapes()
        network = try Network(spec: spec, generator: &generator)
    }

    /// Total number of weights (trainable and not), as Keras' "Total params".
    public var parameterCount: Int { network.parameters.reduce(0) { $0 + $1.count } }

    /// Every weight tensor, flattened row-major in Keras' layout, in a fixed order: layers in order,
    /// within a layer Keras' `get_weights()` order (Conv2D/Dense: kernel (kh, kw, in, out) or
    /// (in, out), then bias; BatchNormalization: gamma, beta, moving_mean, moving_variance).
    /// Setting requires the same count and sizes.
    public var parameters: [[Float]] {
        get { network.parameters.map { $0.value.array(count: $0.count) } }
        set {
            let tensors = network.parameters
            precondition(newValue.count == tensors.count, "expected \(tensors.count) weight tensors")
            for (tensor, values) in zip(tensors, newValue) {
                precondition(values.count == tensor.count, "weight tensor \(tensor.name) needs \(tensor.count) values")
                tensor.value.copy(from: values)
            }
        }
    }

    /// Names of the tensors in `parameters`, e.g. "conv2d/kernel", "dense_1/bias".
    public var parameterNames: [String] {
        zip(spec.layers.dropFirst(), network.layers).enumerated().flatMap { index, pair in
            pair.1.parameters.map { "\(layerNames[index])/\($0.name)" }
        }
    }

    /// Shapes of the tensors in `parameters`, e.g. [3, 3, 1, 32].
    public var parameterShapes: [[Int]] { network.parameters.map(\.shape) }

    /// Keras' automatic layer names: the class stem, then `_1`, `_2`... for later layers of the same
    /// class (counted per model; Keras counts per session).
    public var layerNames: [String] { LayerSpec.automaticNames(spec.layers) }

    /// Rows of Keras' `model.summary()` (the input layer is not listed, as in Keras).
    public var summary: [SummaryRow] {
        let names = layerNames
        return network.layers.enumerated().map { index, layer in
            let spec = self.spec.layers[index + 1]
            let shape = "(None, " + shapes[index + 1].map(String.init).joined(separator: ", ") + ")"
            return SummaryRow(
                name: "\(names[index]) (\(spec.kerasClassName))", outputShape: shape,
                parameters: layer.parameters.reduce(0) { $0 + $1.count })
        }
    }
}
