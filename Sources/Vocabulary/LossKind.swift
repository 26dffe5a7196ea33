/// Keras loss names. Labels are class indices; `categoricalCrossentropy` one-hot encodes them,
/// which gives the same values as the sparse form.
public enum LossKind: String, Sendable, CaseIterable {
    case sparseCategoricalCrossentropy = "sparse_categorical_crossentropy"
    case categoricalCrossentropy = "categorical_crossentropy"
}
