extension LayerSpec {
    /// Keras' class name, as `model.summary()` prints it (`InputLayer` for the input).
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
        case .randomFlip: return "RandomFlip"
        case .randomRotation: return "RandomRotation"
        case .randomTranslation: return "RandomTranslation"
        case .randomZoom: return "RandomZoom"
        case .globalAveragePooling2D: return "GlobalAveragePooling2D"
        case .globalMaxPooling2D: return "GlobalMaxPooling2D"
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
        case .randomFlip: return "random_flip"
        case .randomRotation: return "random_rotation"
        case .randomTranslation: return "random_translation"
        case .randomZoom: return "random_zoom"
        case .globalAveragePooling2D: return "global_average_pooling2d"
        case .globalMaxPooling2D: return "global_max_pooling2d"
        }
    }

    /// Whether the layer has a kernel (what magnitude pruning may remove): Conv2D and Dense.
    public var hasKernel: Bool {
        switch self {
        case .conv2D, .dense: return true
        default: return false
        }
    }

    /// The constructor with every argument spelled out (defaults filled in), one canonical text per
    /// meaning: `Conv2D(filters=32, kernel_size=(3, 3), strides=(1, 1), padding="valid", activation="relu", use_bias=True)`.
    /// Part of a model's cache key: changing this text retrains every model.
    public var kerasDescription: String {
        func t(_ v: [Int]) -> String {
            v.count == 1 ? "(\(v[0]),)" : "(" + v.map(String.init).joined(separator: ", ") + ")"
        }
        func b(_ v: Bool) -> String { v ? "True" : "False" }
        // Written only when present, so a model without one keeps its text (and cache key).
        func reg(_ r: Regularizer?) -> String { r.map { ", kernel_regularizer=\($0.kerasDescription)" } ?? "" }
        switch self {
        case .input(let shape): return "Input(shape=\(t(shape)))"
        case .conv2D(let f, let k, let s, let p, let a, let u, let r):
            return "Conv2D(filters=\(f), kernel_size=\(t(k)), strides=\(t(s)), padding=\"\(p.rawValue)\", "
                + "activation=\"\(a.rawValue)\", use_bias=\(b(u))\(reg(r)))"
        case .maxPooling2D(let pool, let s, let p):
            return "MaxPooling2D(pool_size=\(t(pool)), strides=\(s.map(t) ?? "None"), padding=\"\(p.rawValue)\")"
        case .averagePooling2D(let pool, let s, let p):
            return "AveragePooling2D(pool_size=\(t(pool)), strides=\(s.map(t) ?? "None"), padding=\"\(p.rawValue)\")"
        case .flatten: return "Flatten()"
        case .dense(let u, let a, let ub, let r):
            return "Dense(units=\(u), activation=\"\(a.rawValue)\", use_bias=\(b(ub))\(reg(r)))"
        case .dropout(let r): return "Dropout(rate=\(r))"
        case .activation(let a): return "Activation(activation=\"\(a.rawValue)\")"
        case .batchNormalization(let m, let e): return "BatchNormalization(momentum=\(m), epsilon=\(e))"
        case .randomFlip(let mode): return "RandomFlip(mode=\"\(mode.rawValue)\")"
        case .randomRotation(let f, let o): return "RandomRotation(factor=\(f.python), \(o.kerasArguments))"
        case .randomTranslation(let h, let w, let o):
            return "RandomTranslation(height_factor=\(h.python), width_factor=\(w.python), \(o.kerasArguments))"
        case .randomZoom(let h, let w, let o):
            return "RandomZoom(height_factor=\(h.python), width_factor=\(w?.python ?? "None"), \(o.kerasArguments))"
        case .globalAveragePooling2D(let k): return "GlobalAveragePooling2D(keepdims=\(b(k)))"
        case .globalMaxPooling2D(let k): return "GlobalMaxPooling2D(keepdims=\(b(k)))"
        }
    }

    /// Keras' automatic names of `layers` after the input: the class stem, then `_1`, `_2`... for
    /// later layers of the same class, as the model summary shows them (counted per model; Keras
    /// counts per session).
    public static func automaticNames(_ layers: [LayerSpec]) -> [String] {
        var counts: [String: Int] = [:]
        return layers.filter { if case .input = $0 { return false } else { return true } }.map { layer in
            let stem = layer.kerasNameStem
            let n = counts[stem, default: 0]
            counts[stem] = n + 1
            return n == 0 ? stem : "\(stem)_\(n)"
        }
    }

    /// The automatic names of the layers that have a kernel, in order (`conv2d`, `dense`, `dense_1`).
    public static func kernelNames(_ layers: [LayerSpec]) -> [String] {
        let named = layers.filter { if case .input = $0 { return false } else { return true } }
        return zip(named, automaticNames(layers)).filter { $0.0.hasKernel }.map(\.1)
    }
}
