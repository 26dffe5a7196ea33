/// One layer of a sequential model, with Keras' arguments as the notebook wrote them (defaults
/// filled in). Shapes are per sample, HWC; pairs are `[height, width]`.
///
/// The one declaration of the layers nbrun knows: NotebookFormat reads a `model` body into these,
/// the Engine builds its layers from them. Numbers that Keras takes as Python floats (rate,
/// momentum, epsilon) are kept as written (`Double`) so that the canonical text of a model, and so
/// its cache key, is exactly what the notebook says; the Engine rounds them to Float32 when it
/// builds a layer. See docs/keras-semantics.md for what each layer computes.
public enum LayerSpec: Equatable, Sendable {
    /// `keras.Input(shape=...)`: must come first, e.g. `[28, 28, 1]` or `[784]`.
    case input(shape: [Int])
    /// `Conv2D(filters, kernel_size, strides, padding, activation, use_bias, kernel_regularizer)` on HWC input.
    case conv2D(
        filters: Int, kernelSize: [Int], strides: [Int], padding: Padding, activation: Activation, useBias: Bool,
        kernelRegularizer: Regularizer? = nil)
    /// `MaxPooling2D(pool_size, strides, padding)`; `strides == nil` means `poolSize` (Keras).
    case maxPooling2D(poolSize: [Int], strides: [Int]?, padding: Padding)
    /// `AveragePooling2D(pool_size, strides, padding)`; with `same`, padded cells are not counted.
    case averagePooling2D(poolSize: [Int], strides: [Int]?, padding: Padding)
    /// `Flatten()`: H, W, C order (row-major over HWC, as Keras with channels_last).
    case flatten
    /// `Dense(units, activation, use_bias, kernel_regularizer)` on a flat input.
    case dense(units: Int, activation: Activation, useBias: Bool, kernelRegularizer: Regularizer? = nil)
    /// `Dropout(rate)`: inverted dropout, active only in training.
    case dropout(rate: Double)
    /// `Activation(name)`.
    case activation(Activation)
    /// `BatchNormalization(momentum, epsilon)` over the last axis (Keras defaults 0.99, 0.001).
    case batchNormalization(momentum: Double, epsilon: Double)
    /// `RandomFlip(mode)`: in training each sample is mirrored with probability 1/2 (one draw per
    /// sample; with `horizontal_and_vertical` that draw flips both axes, as Keras 3 does).
    case randomFlip(mode: FlipMode)
    /// `RandomRotation(factor, fill_mode, interpolation, fill_value)`: in training each sample is
    /// rotated about its centre by 2π·u, u uniform in the factor range (fractions of a full turn).
    case randomRotation(factor: FactorRange, options: ResamplingOptions)
    /// `RandomTranslation(height_factor, width_factor, ...)`: in training each sample is shifted by
    /// (u·height, v·width) pixels, u and v uniform in their ranges (fractions of the size).
    case randomTranslation(heightFactor: FactorRange, widthFactor: FactorRange, options: ResamplingOptions)
    /// `RandomZoom(height_factor, width_factor, ...)`: in training each sample is scaled about its
    /// centre, zoom 1 + u (u > 0 zooms out); without `width_factor` the width uses the height's zoom.
    case randomZoom(heightFactor: FactorRange, widthFactor: FactorRange?, options: ResamplingOptions)
    /// `GlobalAveragePooling2D(keepdims)`: the mean over height and width per channel.
    case globalAveragePooling2D(keepdims: Bool)
    /// `GlobalMaxPooling2D(keepdims)`: the maximum over height and width per channel.
    case globalMaxPooling2D(keepdims: Bool)

    /// Whether the layer changes its input only in training (an augmentation layer); at inference
    /// it passes the input through unchanged.
    public var isAugmentation: Bool {
        switch self {
        case .randomFlip, .randomRotation, .randomTranslation, .randomZoom: return true
        default: return false
        }
    }
}
