extension LayerKind {
    /// Keras' class name, as a summary shows it: `Conv2D`, `MaxPooling2D`, `InputLayer` for input.
    public var kerasName: String {
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

    /// The constructor with every argument spelled out (defaults filled in), one canonical
    /// text per meaning: `Conv2D(filters=32, kernel_size=(3, 3), strides=(1, 1), padding="valid", activation="relu", use_bias=True)`.
    public var kerasDescription: String {
        func t(_ v: [Int]) -> String {
            v.count == 1 ? "(\(v[0]),)" : "(" + v.map(String.init).joined(separator: ", ") + ")"
        }
        func b(_ v: Bool) -> String { v ? "True" : "False" }
        switch self {
        case .input(let shape): return "Input(shape=\(t(shape)))"
        case .conv2D(let f, let k, let s, let p, let a, let u):
            return
                "Conv2D(filters=\(f), kernel_size=\(t(k)), strides=\(t(s)), padding=\"\(p)\", activation=\"\(a)\", use_bias=\(b(u)))"
        case .maxPooling2D(let pool, let s, let p):
            return "MaxPooling2D(pool_size=\(t(pool)), strides=\(s.map(t) ?? "None"), padding=\"\(p)\")"
        case .averagePooling2D(let pool, let s, let p):
            return "AveragePooling2D(pool_size=\(t(pool)), strides=\(s.map(t) ?? "None"), padding=\"\(p)\")"
        case .flatten: return "Flatten()"
        case .dense(let u, let a, let ub): return "Dense(units=\(u), activation=\"\(a)\", use_bias=\(b(ub)))"
        case .dropout(let r): return "Dropout(rate=\(r))"
        case .activation(let a): return "Activation(activation=\"\(a)\")"
        case .batchNormalization(let m, let e): return "BatchNormalization(momentum=\(m), epsilon=\(e))"
        }
    }
}
