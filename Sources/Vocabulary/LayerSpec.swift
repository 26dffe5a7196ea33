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
    case dropout(rate: Double)
    /// `Activation(name)`.
    case activation(Activation)
    /// `BatchNormalization(momentum, epsilon)` over the last axis (Keras defaults 0.99, 0.001).
    case batchNormalization(momentum: Double, epsilon: Double)
}
