import Vocabulary
import Yams

/// `learning_rate: ExponentialDecay(...)` (or `CosineDecay`, `PiecewiseConstantDecay`, optionally
/// prefixed `keras.optimizers.schedules.`): a Keras schedule call read with the layer parser, its
/// arguments bound and checked as Keras does, errors at their own column.
extension DirectiveDecoder {
    private static let schedulePrefixes = [
        "keras.optimizers.schedules", "optimizers.schedules", "schedules", "tf.keras.optimizers.schedules",
    ]
    private static let scheduleParameters: [String: (parameters: [String], required: [String])] = [
        "ExponentialDecay": (
            ["initial_learning_rate", "decay_steps", "decay_rate", "staircase", "name"],
            ["initial_learning_rate", "decay_steps", "decay_rate"]
        ),
        "CosineDecay": (
            ["initial_learning_rate", "decay_steps", "alpha", "name", "warmup_target", "warmup_steps"],
            ["initial_learning_rate", "decay_steps"]
        ),
        "PiecewiseConstantDecay": (["boundaries", "values", "name"], ["boundaries", "values"]),
    ]

    /// The schedule in the scalar `node`; nil after an error, which is reported.
    func learningRateSchedule(_ node: Node) -> LearningRateSchedule? {
        guard let only = scalarBody(node) else { return nil }
        var parser = PythonCallParser(body: only, diagnostics: diagnostics)
        parser.prefixes = Self.schedulePrefixes
        let calls = parser.parseCalls()
        guard calls.count == 1, let call = calls.first else {
            if calls.count > 1 { diagnostics.error("`learning_rate` takes one schedule", at: yaml.span(node)) }
            return nil
        }
        guard let signature = Self.scheduleParameters[call.name] else {
            let names = Self.scheduleParameters.keys.sorted()
            diagnostics.error(
                "unknown learning-rate schedule `\(call.name)`", at: call.nameSpan,
                suggestion: Spelling.suggestion(for: call.name, in: names)
                    ?? "nbrun knows \(names.map { "`\($0)`" }.joined(separator: ", "))")
            return nil
        }
        var args: [String: PythonCallParser.Argument] = [:]
        for (i, arg) in call.arguments.enumerated() {
            let name = arg.keyword?.name ?? (i < signature.parameters.count ? signature.parameters[i] : "")
            guard signature.parameters.contains(name) else {
                diagnostics.error(
                    arg.keyword == nil
                        ? "`\(call.name)` takes at most \(signature.parameters.count) positional arguments"
                        : "`\(call.name)` has no argument `\(name)`",
                    at: arg.keyword?.span ?? arg.span,
                    suggestion: Spelling.suggestion(for: name, in: signature.parameters))
                return nil
            }
            guard args[name] == nil else {
                diagnostics.error("`\(call.name)` got two values for `\(name)`", at: arg.keyword?.span ?? arg.span)
                return nil
            }
            args[name] = arg
        }
        for name in signature.required where args[name] == nil {
            diagnostics.error(
                "`\(call.name)` needs `\(name)`", at: call.nameSpan,
                suggestion: "e.g. `ExponentialDecay(initial_learning_rate=1e-3, decay_steps=1000, decay_rate=0.9)`")
            return nil
        }
        let r = LayerArguments(args: args, layer: call.name, diagnostics: diagnostics)
        switch call.name {
        case "ExponentialDecay":
            let initial = r.number("initial_learning_rate", default: 0, range: "> 0", { $0 > 0 })
            let steps = r.number("decay_steps", default: 1, range: "> 0", { $0 > 0 })
            let rate = r.number("decay_rate", default: 1, range: "> 0", { $0 > 0 })
            let staircase = r.bool("staircase", default: false)
            guard let initial, let steps, let rate, let staircase else { return nil }
            return .exponentialDecay(initial: initial, decaySteps: steps, decayRate: rate, staircase: staircase)
        case "CosineDecay":
            let initial = r.number("initial_learning_rate", default: 0, range: ">= 0", { $0 >= 0 })
            let steps = r.number("decay_steps", default: 1, range: "> 0", { $0 > 0 })
            let alpha = r.number("alpha", default: 0, range: ">= 0 and <= 1", { $0 >= 0 && $0 <= 1 })
            let warmup = r.number("warmup_steps", default: 0, range: ">= 0", { $0 >= 0 })
            let target: Double??
            if let arg = args["warmup_target"], arg.value != .none {
                target = r.number("warmup_target", default: 0, range: "> 0", { $0 > 0 }).map { .some($0) }
            } else {
                target = .some(nil)
            }
            guard let initial, let steps, let alpha, let warmup, let target else { return nil }
            return .cosineDecay(
                initial: initial, decaySteps: steps, alpha: alpha, warmupTarget: target, warmupSteps: warmup)
        default:
            let boundaries = r.numbers("boundaries")
            let values = r.numbers("values")
            guard let boundaries, let values else { return nil }
            guard values.count == boundaries.count + 1 else {
                diagnostics.error(
                    "`PiecewiseConstantDecay` needs one more value than boundaries, got \(boundaries.count) "
                        + "boundaries and \(values.count) values",
                    at: args["values"]!.span, suggestion: "e.g. `boundaries=[1000, 2000], values=[1e-3, 5e-4, 1e-4]`")
                return nil
            }
            guard zip(boundaries, boundaries.dropFirst()).allSatisfy({ $0 < $1 }) else {
                diagnostics.error("`boundaries` must increase", at: args["boundaries"]!.span)
                return nil
            }
            guard values.allSatisfy({ $0 > 0 }) else {
                diagnostics.error("every learning rate in `values` must be > 0", at: args["values"]!.span)
                return nil
            }
            return .piecewiseConstantDecay(boundaries: boundaries, values: values)
        }
    }
}

extension LayerArguments {
    /// A list (or tuple) of numbers.
    func numbers(_ name: String) -> [Double]? {
        guard let arg = args[name] else { return nil }
        if case .tuple(let items) = arg.value, !items.isEmpty {
            let values = items.compactMap { item -> Double? in
                switch item {
                case .int(let i): return Double(i)
                case .float(let d): return d
                default: return nil
                }
            }
            if values.count == items.count { return values }
        }
        fail(name, "a list of numbers, e.g. `[1000, 2000]`")
        return nil
    }
}
