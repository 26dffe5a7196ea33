/// The built layers of a model with their activation and gradient buffers.
///
/// A final softmax (in Dense/Conv2D or as `Activation`) is not applied by the layer: the network
/// outputs logits and `LossHead` applies softmax fused with the cross-entropy (stable, from logits,
/// as Keras' TensorFlow backend does). Buffers hold `capacity` samples and only grow.
final class Network {
    let layers: [Layer]
    /// sizes[0] is the per-sample input size, sizes[i + 1] the output size of layers[i].
    let sizes: [Int]
    /// Number of classes (per-sample output size).
    var outputSize: Int { sizes.last! }
    /// True when the model's last operation is a softmax that the loss applies from the logits.
    let headSoftmax: Bool
    private var activations: [FloatBuffer] = []
    private var gradients: [FloatBuffer] = []
    private var owner: [Int] = []
    private(set) var capacity = 0
    /// Whether layers[j] must produce dL/dx (false when no earlier layer has trainable weights).
    let needsInputGradient: [Bool]
    /// The kernel regularisers, in layer order (Network+Penalties.swift).
    let penalties: [WeightPenalty]
    /// Whether networks built from now on run Conv2D + MaxPooling2D((2, 2)) pairs as one fused
    /// kernel (Conv2DLayer+FusedPool). Tests switch it off to compare with the separate layers.
    nonisolated(unsafe) static var fusesConvolutionAndPooling = true
    /// Whether Dense layers may take their sparse path on mostly-zero inputs (DenseLayer+Sparse).
    nonisolated(unsafe) static var usesSparseDense = true

    init(spec: ModelSpec, generator: inout SeededGenerator) throws {
        let shapes = try spec.outputShapes()
        var layers: [Layer] = []
        var penalties: [WeightPenalty] = []
        var head = false
        for (index, layer) in spec.layers.enumerated().dropFirst() {
            let input = shapes[index - 1]
            let output = shapes[index]
            let size = input.reduce(1, *)
            let isLast = index == spec.layers.count - 1
            func act(_ a: Activation) -> Activation {
                if isLast && a == .softmax {
                    head = true
                    return .linear
                }
                return a
            }
            switch layer {
            case .input:
                throw ShapeError(layerIndex: index, message: "Input may only be the first layer")
            case .conv2D(let filters, let kernelSize, let strides, let padding, let activation, let useBias, let r):
                let conv = Conv2DLayer(
                    input: input, filters: filters, kernelSize: kernelSize, strides: strides,
                    padding: padding, activation: act(activation), useBias: useBias,
                    generator: &generator)
                layers.append(conv)
                if let r { penalties.append(WeightPenalty(parameter: conv.kernel, regularizer: r)) }
            case .maxPooling2D(let poolSize, let strides, let padding):
                layers.append(
                    Pool2DLayer(kind: .max, input: input, poolSize: poolSize, strides: strides, padding: padding))
            case .averagePooling2D(let poolSize, let strides, let padding):
                layers.append(
                    Pool2DLayer(kind: .average, input: input, poolSize: poolSize, strides: strides, padding: padding))
            case .flatten:
                layers.append(FlattenLayer(size: size))
            case .dense(let units, let activation, let useBias, let r):
                let dense = DenseLayer(
                    inputs: size, units: units, activation: act(activation), useBias: useBias,
                    generator: &generator)
                layers.append(dense)
                if let r { penalties.append(WeightPenalty(parameter: dense.kernel, regularizer: r)) }
            case .dropout(let rate):
                layers.append(DropoutLayer(size: size, rate: Float(rate)))
            case .activation(let activation):
                let a = act(activation)
                layers.append(
                    a == .linear
                        ? FlattenLayer(size: size)
                        : ActivationLayer(size: size, lastAxis: output.last!, activation: a))
            case .batchNormalization(let momentum, let epsilon):
                layers.append(
                    BatchNormLayer(
                        size: size, channels: input.last!, momentum: Float(momentum), epsilon: Float(epsilon)))
            case .randomFlip(let mode):
                layers.append(RandomFlipLayer(input: input, mode: mode))
            case .randomRotation(let factor, let options):
                layers.append(AffineAugmentationLayer(input: input, kind: .rotation(factor), options: options))
            case .randomTranslation(let h, let w, let options):
                layers.append(
                    AffineAugmentationLayer(input: input, kind: .translation(height: h, width: w), options: options))
            case .randomZoom(let h, let w, let options):
                layers.append(AffineAugmentationLayer(input: input, kind: .zoom(height: h, width: w), options: options))
            case .globalAveragePooling2D:
                layers.append(GlobalPool2DLayer(kind: .average, input: input))
            case .globalMaxPooling2D:
                layers.append(GlobalPool2DLayer(kind: .max, input: input))
            }
        }
        if Network.fusesConvolutionAndPooling {
            for (conv, pool) in zip(layers, layers.dropFirst()) {
                guard let conv = conv as? Conv2DLayer, let pool = pool as? Pool2DLayer, conv.canFuse(with: pool) else {
                    continue
                }
                conv.fusedPool = true
                pool.fusedIntoConv = true
            }
        }
        self.layers = layers
        self.penalties = penalties
        headSoftmax = head
        sizes = shapes.map { $0.reduce(1, *) }
        var seen = false
        needsInputGradient = layers.map { layer in
            defer { seen = seen || layer.parameters.contains { $0.trainable } }
            return seen
        }
        // Views share their input's buffers.
        owner = [0]
        for (j, layer) in layers.enumerated() { owner.append(layer.isView ? owner[j] : j + 1) }
    }

    /// Makes every buffer hold `batch` samples (allocates only when growing).
    func reserve(batch: Int) {
        guard batch > capacity else { return }
        capacity = batch
        activations = sizes.map { FloatBuffer(count: batch * $0) }
        gradients = sizes.map { FloatBuffer(count: batch * $0) }
        for layer in layers { layer.reserve(batch: batch) }
    }

    /// The buffer for the network's input (batch-major, `sizes[0]` per sample).
    var input: UnsafeMutablePointer<Float> { activations[0].pointer }
    /// Layer outputs: index 0 is the input, index i + 1 the output of layers[i].
    func activation(_ i: Int) -> UnsafeMutablePointer<Float> { activations[owner[i]].pointer }
    func gradient(_ i: Int) -> UnsafeMutablePointer<Float> { gradients[owner[i]].pointer }
    /// The network's output: logits when `headSoftmax`, else the last layer's output.
    var output: UnsafeMutablePointer<Float> { activation(layers.count) }
    /// dL/d(output), to be filled by the loss before `backward`.
    var outputGradient: UnsafeMutablePointer<Float> { gradient(layers.count) }

    /// Runs every layer on the first `batch` samples of `input`.
    func forward(batch: Int, pass: Pass) {
        precondition(batch <= capacity, "reserve(batch:) first")
        for (j, layer) in layers.enumerated() {
            layer.forward(activation(j), activation(j + 1), batch: batch, pass: pass)
        }
    }

    /// Backpropagates `outputGradient` through every layer, filling the parameters' gradients.
    func backward(batch: Int, pass: Pass) {
        for j in stride(from: layers.count - 1, through: 0, by: -1) {
            let dx = needsInputGradient[j] ? gradient(j) : nil
            layers[j].backward(
                x: activation(j), y: activation(j + 1), dy: gradient(j + 1), dx: dx,
                batch: batch, pass: pass)
        }
    }

    /// Every weight tensor in layer order, each layer's in Keras' `get_weights()` order.
    var parameters: [Parameter] { layers.flatMap(\.parameters) }
}
