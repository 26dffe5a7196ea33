import Vocabulary

extension DirectiveDecoder {
    typealias Literal = PythonCallParser.Literal

    func decodeModel() {
        var parser = PythonCallParser(body: yaml.body, diagnostics: diagnostics)
        let calls = parser.parseCalls()
        var layers: [LayerDecl] = []
        var failed = false
        for (index, call) in calls.enumerated() {
            let reported = diagnostics.count
            guard let (decl, inputShape) = layer(call) else {
                if diagnostics.count == reported {
                    diagnostics.error("cannot read this layer", at: call.nameSpan)
                }
                failed = true
                continue
            }
            if let inputShape {
                if index == 0 {
                    layers.append(
                        LayerDecl(
                            spec: .input(shape: inputShape), location: call.nameSpan.location,
                            text: "Input(shape=\(Literal.tuple(inputShape.map { .int($0) }).python))"))
                } else if let arg = call.arguments.first(where: { $0.keyword?.name == "input_shape" }) {
                    diagnostics.error("`input_shape` belongs on the first layer only", at: arg.keyword!.span)
                }
            }
            if case .input = decl.spec, index > 0 {
                diagnostics.error("`Input` must be the first layer", at: call.nameSpan)
            }
            layers.append(decl)
        }
        if calls.isEmpty, !failed {
            diagnostics.error(
                "`model` directive `\(draft.id)` has no layers", at: draft.header,
                suggestion: "write one Keras layer per line, starting with `Input(shape=(28, 28, 1))`")
            return
        }
        if let first = layers.first, !failed {
            if case .input = first.spec {
            } else {
                diagnostics.error(
                    "the model needs an input shape", at: Span(location: first.location, length: first.text.count),
                    suggestion: "start with a line `Input(shape=(28, 28, 1))`")
            }
        }
        let decl = ModelDecl(layers: layers)
        draft.payload = .model(decl)
        draft.normalizedBody = layers.map(\.spec.kerasDescription).joined(separator: "\n")
    }

    /// One call as a layer; also returns Keras 2's `input_shape` when given.
    private func layer(_ call: PythonCallParser.Call) -> (LayerDecl, [Int]?)? {
        guard let signature = LayerSignature.all[call.name] else {
            let names = LayerSignature.all.keys.sorted()
            let hint: String
            if call.name == "Sequential" {
                hint = "write the layers one per line, without `Sequential([...])`"
            } else {
                hint =
                    Spelling.suggestion(for: call.name, in: names)
                    ?? "nbrun knows \(LayerSignature.primaryNames.map { "`\($0)`" }.joined(separator: ", "))"
            }
            diagnostics.error("unknown layer `\(call.name)`", at: call.nameSpan, suggestion: hint)
            return nil
        }
        // Bind arguments to names.
        var args: [String: PythonCallParser.Argument] = [:]
        var ok = true
        let allowed = signature.parameters + LayerSignature.common
        for (i, arg) in call.arguments.enumerated() {
            let name: String
            if let kw = arg.keyword {
                guard allowed.contains(kw.name) else {
                    diagnostics.error(
                        "`\(signature.name)` has no argument `\(kw.name)`", at: kw.span,
                        suggestion: Spelling.suggestion(for: kw.name, in: allowed))
                    ok = false
                    continue
                }
                name = kw.name
            } else {
                guard i < signature.parameters.count else {
                    diagnostics.error(
                        "`\(signature.name)` takes at most \(signature.parameters.count) positional arguments",
                        at: arg.span)
                    ok = false
                    continue
                }
                name = signature.parameters[i]
            }
            if args[name] != nil {
                diagnostics.error("`\(signature.name)` got two values for `\(name)`", at: arg.keyword?.span ?? arg.span)
                ok = false
                continue
            }
            args[name] = arg
        }
        for name in signature.required where args[name] == nil {
            diagnostics.error(
                "`\(signature.name)` needs `\(name)`", at: call.nameSpan,
                suggestion: "e.g. `\(Self.example(signature.name))`")
            ok = false
        }
        for (name, accepted) in signature.unsupported {
            guard let arg = args[name] else { continue }
            if !accepted.contains(arg.value) {
                diagnostics.error(
                    "nbrun does not support `\(name)=\(arg.value.python)` in `\(signature.name)`",
                    at: arg.keyword?.span ?? arg.span,
                    suggestion: "remove it (Keras' default is `\(accepted.last!.python)`)")
                ok = false
            }
        }
        guard ok else { return nil }
        let r = LayerArguments(args: args, layer: signature.name, diagnostics: diagnostics)
        let kind: LayerSpec?
        switch signature.name {
        case "Input":
            kind = r.shape("shape").map { .input(shape: $0) }
        case "Conv2D":
            let filters = r.positiveInt("filters")
            let kernel = r.pair("kernel_size")
            let strides = r.pair("strides", default: [1, 1])
            let padding = r.padding()
            let activation = r.activation()
            let useBias = r.bool("use_bias", default: true)
            let regularizer = r.regularizer()
            if let filters, let kernel, let strides, let padding, let activation, let useBias, let regularizer {
                kind = .conv2D(
                    filters: filters, kernelSize: kernel, strides: strides, padding: padding, activation: activation,
                    useBias: useBias, kernelRegularizer: regularizer.value)
            } else {
                kind = nil
            }
        case "MaxPooling2D", "AveragePooling2D":
            let pool = r.pair("pool_size", default: [2, 2])
            let strides = r.optionalPair("strides")
            let padding = r.padding()
            if let pool, let strides, let padding {
                kind =
                    signature.name == "MaxPooling2D"
                    ? .maxPooling2D(poolSize: pool, strides: strides.value, padding: padding)
                    : .averagePooling2D(poolSize: pool, strides: strides.value, padding: padding)
            } else {
                kind = nil
            }
        case "Flatten":
            kind = .flatten
        case "Dense":
            let units = r.positiveInt("units")
            let activation = r.activation()
            let useBias = r.bool("use_bias", default: true)
            let regularizer = r.regularizer()
            if let units, let activation, let useBias, let regularizer {
                kind = .dense(
                    units: units, activation: activation, useBias: useBias, kernelRegularizer: regularizer.value)
            } else {
                kind = nil
            }
        case "Dropout":
            kind = r.number("rate", default: 0, range: ">= 0 and < 1", { $0 >= 0 && $0 < 1 }).map { .dropout(rate: $0) }
        case "Activation":
            kind = r.activation().map { .activation($0) }
        case "BatchNormalization":
            let momentum = r.number("momentum", default: 0.99, range: ">= 0 and < 1", { $0 >= 0 && $0 < 1 })
            let epsilon = r.number("epsilon", default: 0.001, range: "> 0", { $0 > 0 })
            if let momentum, let epsilon {
                kind = .batchNormalization(momentum: momentum, epsilon: epsilon)
            } else {
                kind = nil
            }
        case "RandomFlip", "RandomRotation", "RandomTranslation", "RandomZoom", "GlobalAveragePooling2D",
            "GlobalMaxPooling2D":
            kind = r.imageLayer(signature.name)
        default:
            kind = nil
        }
        let name = r.string("name")
        let inputShape = args["input_shape"] != nil ? r.shape("input_shape") : nil
        if args["input_shape"] != nil, inputShape == nil { return nil }
        guard let kind else { return nil }
        return (LayerDecl(spec: kind, location: call.nameSpan.location, text: call.text, name: name), inputShape)
    }

    private static func example(_ layer: String) -> String {
        switch layer {
        case "Input": return "Input(shape=(28, 28, 1))"
        case "Conv2D": return "Conv2D(32, 3, activation=\"relu\")"
        case "Dense": return "Dense(128, activation=\"relu\")"
        case "Dropout": return "Dropout(0.5)"
        case "RandomRotation": return "RandomRotation(0.1)"
        case "RandomTranslation": return "RandomTranslation(0.1, 0.1)"
        case "RandomZoom": return "RandomZoom(0.1)"
        case "Activation": return "Activation(\"relu\")"
        default: return "\(layer)()"
        }
    }
}

/// Typed reads of a layer's bound arguments, reporting type and range errors.
struct LayerArguments {
    typealias Literal = PythonCallParser.Literal
    let args: [String: PythonCallParser.Argument]
    let layer: String
    let diagnostics: DiagnosticCollector

    func fail(_ name: String, _ what: String) {
        let arg = args[name]!
        diagnostics.error("`\(layer)` argument `\(name)` must be \(what), got `\(arg.value.python)`", at: arg.span)
    }

    func positiveInt(_ name: String) -> Int? {
        guard let arg = args[name] else { return nil }
        guard case .int(let v) = arg.value, v >= 1 else {
            fail(name, "a positive integer")
            return nil
        }
        return v
    }

    /// An int or a pair of ints, each >= 1 (Keras `kernel_size=3` means `(3, 3)`).
    func pair(_ name: String, default value: [Int]? = nil) -> [Int]? {
        guard let arg = args[name] else { return value }
        switch arg.value {
        case .int(let v) where v >= 1: return [v, v]
        case .tuple(let items) where items.count == 2:
            let ints = items.compactMap { item -> Int? in
                if case .int(let v) = item, v >= 1 { return v }
                return nil
            }
            if ints.count == 2 { return ints }
        default: break
        }
        fail(name, "a positive integer or a pair of them, e.g. `(2, 2)`")
        return nil
    }

    /// `None` (returned as `.some(nil)`) or a pair.
    func optionalPair(_ name: String) -> (value: [Int]?, Void)? {
        guard let arg = args[name] else { return (nil, ()) }
        if arg.value == .none { return (nil, ()) }
        guard let p = pair(name) else { return nil }
        return (p, ())
    }

    func shape(_ name: String) -> [Int]? {
        guard let arg = args[name] else { return nil }
        if case .tuple(let items) = arg.value, !items.isEmpty {
            let ints = items.compactMap { item -> Int? in
                if case .int(let v) = item, v >= 1 { return v }
                return nil
            }
            if ints.count == items.count { return ints }
        }
        fail(name, "a tuple of positive integers, e.g. `(28, 28, 1)`")
        return nil
    }

    func padding() -> Padding? {
        guard let arg = args["padding"] else { return .valid }
        if case .string(let s) = arg.value, let padding = Padding(rawValue: s.lowercased()) { return padding }
        if case .string(let s) = arg.value {
            diagnostics.error(
                "unknown padding `\(s)` in `\(layer)`", at: arg.span,
                suggestion: Spelling.suggestion(for: s.lowercased(), in: ["valid", "same"])
                    ?? "use `\"valid\"` or `\"same\"`")
            return nil
        }
        fail("padding", "`\"valid\"` or `\"same\"`")
        return nil
    }

    /// An activation name; `None` or absent is "linear" (Keras).
    func activation() -> Activation? {
        guard let arg = args["activation"] else { return .linear }
        switch arg.value {
        case .none: return .linear
        case .string(let s) where LayerSignature.activations.contains(s): return Activation(rawValue: s)
        case .string(let s):
            diagnostics.error(
                "unknown activation `\(s)`", at: arg.span,
                suggestion: Spelling.suggestion(for: s, in: LayerSignature.activations)
                    ?? "nbrun knows \(LayerSignature.activations.map { "`\($0)`" }.joined(separator: ", "))")
            return nil
        default:
            fail("activation", "a string such as `\"relu\"`")
            return nil
        }
    }

    func bool(_ name: String, default value: Bool) -> Bool? {
        guard let arg = args[name] else { return value }
        guard case .bool(let b) = arg.value else {
            fail(name, "`True` or `False`")
            return nil
        }
        return b
    }

    func number(_ name: String, default value: Double, range: String, _ valid: (Double) -> Bool) -> Double? {
        guard let arg = args[name] else { return value }
        let v: Double
        switch arg.value {
        case .int(let i): v = Double(i)
        case .float(let d): v = d
        default:
            fail(name, "a number")
            return nil
        }
        guard valid(v) else {
            fail(name, range)
            return nil
        }
        return v
    }

    func string(_ name: String) -> String? {
        guard let arg = args[name] else { return nil }
        guard case .string(let s) = arg.value else {
            fail(name, "a string")
            return nil
        }
        return s
    }
}
