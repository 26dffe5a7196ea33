/// One layer of a sequential model, with Keras' arguments. Shapes are per sample, HWC.
public enum LayerSpec: Equatable, Sendable {
    /// `keras.Input(shape=...)`: must come first, e.g. `[28, 28, 1]` or `[784]`.
    case input(shape: [Int])
    /// `Conv2D(filters, kernel_size, strides, padding, activation, use_bias)` on HWC input.
    case conv2D(
        filters: Int, kernelSize: [Int], strides: [Int], padding: Padding, activation: Activation, useBias: Bool)
    /// `MaxPooling2D(pool_size, strides, padding)`; `strides == nil` means `poolSize` (Keras).
    case maxPooling2D(poolSize: [Int], strides: [Int]?, padding: Padding)
    /// `AveragePooling2D(pool_size, strides, padding)`; with `same`, padded cells are not counted.
    case averagePooling2D(poolSize: [Int], strides: [Int]?, padding: Padding)
    /// `Flatten()`: H, W, C order (row-major over HWC, as Keras with channels_last).
    case flatten
    /// `Dense(units, activation, use_bias)` on a flat input.
    case dense(units: Int, activation: Activation, useBias: Bool)
    /// `Dropout(rate)`: inverted dropout, active only in training.
    case dropout(rate: Float)
    /// `Activation(name)`.
    case activation(Activation)
    /// `BatchNormalization(momentum, epsilon)` over the last axis (Keras defaults 0.99, 0.001).
    case batchNormalization(momentum: Float, epsilon: Float)
}

extension LayerSpec {
    /// Keras' class name, as printed in `model.summary()`.
    public var kerasClassName: String {
        switch self {
        case .input: return "InputLayer"
        case .conv2D: return "Conv2D"
        case .maxPooling2D: return "MaxPooling2D"
        case .averagePooling2D: return "AveragePooling2D"
        case .flatten: return "Flatten"
        case .dense: return "Dense"
        case .dropout: return "Dropout"
        case .activation: return "Activation"
        case .batchNormalization: return "BatchNormalization"
        }
    }

    /// Keras' automatic layer-name stem (`conv2d`, `max_pooling2d`, `dense`...).
    public var kerasNameStem: String {
        switch self {
        case .input: return "input_layer"
        case .conv2D: return "conv2d"
        case .maxPooling2D: return "max_pooling2d"
        case .averagePooling2D: return "average_pooling2d"
        case .flatten: return "flatten"
        case .dense: return "dense"
        case .dropout: return "dropout"
        case .activation: return "activation"
        case .batchNormalization: return "batch_normalization"
        }
    }
}
