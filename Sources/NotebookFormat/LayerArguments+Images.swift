import Vocabulary

/// The arguments of Keras' image layers: RandomFlip, RandomRotation, RandomTranslation,
/// RandomZoom (factors, `fill_mode`, `interpolation`, `fill_value`) and the global poolings.
extension LayerArguments {
    /// The layer `name` from its bound arguments; nil after an error, which is reported.
    func imageLayer(_ name: String) -> LayerSpec? {
        switch name {
        case "RandomFlip":
            return choice("mode", FlipMode.self, default: .horizontalAndVertical).map { .randomFlip(mode: $0) }
        case "RandomRotation":
            guard let f = factor("factor"), let o = resampling() else { return nil }
            return .randomRotation(factor: f, options: o)
        case "RandomTranslation":
            let h = factor("height_factor")
            let w = factor("width_factor")
            guard let h, let w, let o = resampling() else { return nil }
            return .randomTranslation(heightFactor: h, widthFactor: w, options: o)
        case "RandomZoom":
            let h = factor("height_factor")
            let w: FactorRange?? =
                args["width_factor"].map { $0.value == .none ? .some(nil) : factor("width_factor").map { $0 } }
                ?? .some(nil)
            guard let h, let w, let o = resampling() else { return nil }
            return .randomZoom(heightFactor: h, widthFactor: w, options: o)
        case "GlobalAveragePooling2D":
            return bool("keepdims", default: false).map { .globalAveragePooling2D(keepdims: $0) }
        default:
            return bool("keepdims", default: false).map { .globalMaxPooling2D(keepdims: $0) }
        }
    }

    /// A factor: a number f (the range (-f, f)) or a pair `(lower, upper)`.
    func factor(_ name: String) -> FactorRange? {
        guard let arg = args[name] else { return nil }
        func number(_ v: Literal) -> Double? {
            switch v {
            case .int(let i): return Double(i)
            case .float(let d): return d
            default: return nil
            }
        }
        if let f = number(arg.value) { return FactorRange(symmetric: f) }
        if case .tuple(let items) = arg.value, items.count == 2, let a = number(items[0]), let b = number(items[1]) {
            return FactorRange(lower: a, upper: b)
        }
        fail(name, "a number or a pair `(lower, upper)`, e.g. `0.1` or `(-0.1, 0.2)`")
        return nil
    }

    /// `fill_mode`, `interpolation`, `fill_value` with Keras' defaults.
    func resampling() -> ResamplingOptions? {
        let mode = choice("fill_mode", FillMode.self, default: .reflect)
        let interpolation = choice("interpolation", Interpolation.self, default: .bilinear)
        let fill = number("fill_value", default: 0, range: "a finite number", { $0.isFinite })
        guard let mode, let interpolation, let fill else { return nil }
        return ResamplingOptions(fillMode: mode, interpolation: interpolation, fillValue: fill)
    }

    /// A string argument naming one case of `T`.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type, default value: T) -> T?
    where T.RawValue == String {
        guard let arg = args[name] else { return value }
        let names = T.allCases.map(\.rawValue)
        if case .string(let s) = arg.value {
            if let v = T(rawValue: s) { return v }
            diagnostics.error(
                "unknown \(name) `\"\(s)\"` in `\(layer)`", at: arg.span,
                suggestion: Spelling.closest(to: s, in: names).map { "did you mean `\"\($0)\"`?" }
                    ?? "use one of \(names.map { "`\"\($0)\"`" }.joined(separator: ", "))")
            return nil
        }
        fail(name, "one of \(names.map { "`\"\($0)\"`" }.joined(separator: ", "))")
        return nil
    }
}
