/// Activation functions, named as in Keras (`activation='relu'`; absent or `None` is `linear`).
///
/// relu(x) = max(0, x); sigmoid(x) = 1 / (1 + e^-x); tanh; softmax over the last axis,
/// softmax(x)_i = e^(x_i - max x) / sum_j e^(x_j - max x); linear = identity.
public enum Activation: String, Sendable, CaseIterable {
    case linear, relu, softmax, sigmoid, tanh
}

/// Keras padding modes: `valid` (no padding) and `same` (output size ceil(in / stride), zero
/// padding split as TensorFlow does, the extra cell after).
public enum Padding: String, Sendable, CaseIterable {
    case valid, same
}
