/// Shape inference and validation with Keras' rules (channels_last).
extension ModelSpec {
    /// The per-sample output shape of every layer, the input included (index 0).
    ///
    /// Conv/pool output size: valid `floor((n - k) / s) + 1`, same `ceil(n / s)` (TensorFlow).
    /// Throws `ShapeError` for a model Keras would reject or this engine does not support.
    public func outputShapes() throws -> [[Int]] {
        guard case .input(let inputShape)? = layers.first else {
            throw ShapeError(
                layerIndex: 0, message: "the model must start with an Input layer giving the shape of one sample")
        }
        guard !inputShape.isEmpty, inputShape.allSatisfy({ $0 > 0 }) else {
            throw ShapeError(layerIndex: 0, message: "input shape \(Self.format(inputShape)) must have positive sizes")
        }
        var shapes = [inputShape]
        var current = inputShape
        for (index, layer) in layers.enumerated().dropFirst() {
            current = try Self.outputShape(of: layer, input: current, index: index)
            shapes.append(current)
        }
        return shapes
    }

    static func outputShape(of layer: LayerSpec, input: [Int], index: Int) throws -> [Int] {
        func fail(_ message: String) -> ShapeError { ShapeError(layerIndex: index, message: message) }
        switch layer {
        case .input:
            throw fail("Input may only be the first layer")
        case .conv2D(let filters, let kernelSize, let strides, let padding, _, _, let regularizer):
            guard input.count == 3 else {
                throw fail("Conv2D needs an input of height x width x channels, got \(format(input))")
            }
            guard filters > 0 else { throw fail("Conv2D needs at least one filter, got \(filters)") }
            try checkRegularizer(regularizer, index: index)
            let k = try pair(kernelSize, "kernel size", index)
            let s = try pair(strides, "strides", index)
            return [
                try spatial(input[0], k.0, s.0, padding, "kernel", k, input, index),
                try spatial(input[1], k.1, s.1, padding, "kernel", k, input, index), filters,
            ]
        case .maxPooling2D(let poolSize, let strides, let padding),
            .averagePooling2D(let poolSize, let strides, let padding):
            guard input.count == 3 else {
                throw fail("\(layer.kerasClassName) needs an input of height x width x channels, got \(format(input))")
            }
            let p = try pair(poolSize, "pool size", index)
            let s = try pair(strides ?? poolSize, "strides", index)
            return [
                try spatial(input[0], p.0, s.0, padding, "pool", p, input, index),
                try spatial(input[1], p.1, s.1, padding, "pool", p, input, index), input[2],
            ]
        case .flatten:
            return [try checkedProduct(input, index: index, what: "Flatten's output size")]
        case .dense(let units, _, _, let regularizer):
            guard input.count == 1 else {
                throw fail("Dense needs a flat input, got \(format(input)); add Flatten() before it")
            }
            guard units > 0 else { throw fail("Dense needs at least one unit, got \(units)") }
            try checkRegularizer(regularizer, index: index)
            return [units]
        case .dropout(let rate):
            guard rate >= 0, rate < 1 else { throw fail("Dropout rate must be in [0, 1), got \(rate)") }
            return input
        case .activation:
            return input
        case .batchNormalization(let momentum, let epsilon):
            guard momentum >= 0, momentum <= 1 else {
                throw fail("BatchNormalization momentum must be in [0, 1], got \(momentum)")
            }
            guard epsilon > 0 else { throw fail("BatchNormalization epsilon must be positive, got \(epsilon)") }
            return input
        case .randomFlip, .randomRotation, .randomTranslation, .randomZoom:
            guard input.count == 3 else {
                throw fail("\(layer.kerasClassName) needs images of height x width x channels, got \(format(input))")
            }
            if let message = Self.factorProblem(layer) { throw fail(message) }
            return input
        case .globalAveragePooling2D(let keepdims), .globalMaxPooling2D(let keepdims):
            guard input.count == 3 else {
                throw fail("\(layer.kerasClassName) needs an input of height x width x channels, got \(format(input))")
            }
            return keepdims ? [1, 1, input[2]] : [input[2]]
        }
    }

    /// What Keras refuses in an augmentation layer's factors: a range with lower > upper, a
    /// translation beyond [-1, 1] of the size, a zoom of -1 or less (no image left); nil when fine.
    static func factorProblem(_ layer: LayerSpec) -> String? {
        func order(_ r: FactorRange, _ name: String) -> String? {
            guard r.lower.isFinite, r.upper.isFinite else { return "\(name) must be finite, got \(r.python)" }
            return r.lower <= r.upper ? nil : "\(name) must have lower <= upper, got \(r.python)"
        }
        switch layer {
        case .randomRotation(let f, _):
            if let p = order(f, "factor") { return p }
            return abs(f.lower) <= 1 && abs(f.upper) <= 1 ? nil : "factor must be within [-1, 1] turns, got \(f.python)"
        case .randomTranslation(let h, let w, _):
            for (r, name) in [(h, "height_factor"), (w, "width_factor")] {
                if let p = order(r, name) { return p }
                if abs(r.lower) > 1 || abs(r.upper) > 1 { return "\(name) must be within [-1, 1], got \(r.python)" }
            }
            return nil
        case .randomZoom(let h, let w, _):
            for (r, name) in [(h, "height_factor"), (w, "width_factor")] {
                guard let r else { continue }
                if let p = order(r, name) { return p }
                if r.lower <= -1 { return "\(name) must be larger than -1 (a zoom of 1 + factor > 0), got \(r.python)" }
            }
            return nil
        default:
            return nil
        }
    }

    /// Keras refuses negative, infinite or NaN factors (`validate_float_arg`).
    private static func checkRegularizer(_ r: Regularizer?, index: Int) throws {
        guard let r else { return }
        for v in [r.l1Factor, r.l2Factor] where !(v.isFinite && v >= 0) {
            throw ShapeError(layerIndex: index, message: "regularization factors must be finite and >= 0, got \(v)")
        }
    }

    private static func pair(_ values: [Int], _ what: String, _ index: Int) throws -> (Int, Int) {
        let p: (Int, Int)
        switch values.count {
        case 1: p = (values[0], values[0])
        case 2: p = (values[0], values[1])
        default: throw ShapeError(layerIndex: index, message: "\(what) needs 1 or 2 numbers, got \(values.count)")
        }
        guard p.0 > 0, p.1 > 0 else {
            throw ShapeError(layerIndex: index, message: "\(what) must be positive, got \(format(values))")
        }
        return p
    }

    private static func spatial(
        _ n: Int, _ k: Int, _ s: Int, _ padding: Padding, _ what: String,
        _ window: (Int, Int), _ input: [Int], _ index: Int
    ) throws -> Int {
        switch padding {
        case .same:
            return n / s + (n % s == 0 ? 0 : 1)  // ceil(n / s) without overflowing n + s - 1
        case .valid:
            guard k <= n else {
                throw ShapeError(
                    layerIndex: index,
                    message:
                        "\(what) \(window.0)x\(window.1) is larger than its \(input[0])x\(input[1]) input")
            }
            return (n - k) / s + 1
        }
    }

    /// `[26, 26, 32]` as `26x26x32`.
    static func format(_ shape: [Int]) -> String { shape.map(String.init).joined(separator: "x") }
}
