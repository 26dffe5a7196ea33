import Vocabulary

/// `kernel_regularizer=` as Keras takes it: `None`, a string (`"l2"`) or a call
/// (`regularizers.l2(1e-4)`, `keras.regularizers.L1L2(l1=0.0, l2=1e-4)`); see `Regularizer`.
extension LayerArguments {
    /// The prefixes a regulariser call may carry.
    static let regularizerPrefixes = ["", "regularizers.", "keras.regularizers.", "tf.keras.regularizers."]

    /// The regulariser (`.some(nil)` for none); nil after an error, which is reported.
    func regularizer() -> (value: Regularizer?, Void)? {
        guard let arg = args["kernel_regularizer"] else { return (nil, ()) }
        switch arg.value {
        case .none:
            return (nil, ())
        case .string(let s):
            if let r = Regularizer.named(s) { return (r, ()) }
            diagnostics.error(
                "unknown regularizer `\"\(s)\"` in `\(layer)`", at: arg.span,
                suggestion: Spelling.closest(to: s, in: ["l1", "l2", "l1_l2"]).map { "did you mean `\"\($0)\"`?" }
                    ?? "use `\"l1\"`, `\"l2\"`, `\"l1_l2\"` or a call such as `regularizers.l2(1e-4)`")
            return nil
        case .call(let name, let positional, let keywords):
            return regularizerCall(name, positional, keywords, at: arg.span)
        default:
            fail("kernel_regularizer", "a regularizer such as `regularizers.l2(1e-4)` or `\"l2\"`")
            return nil
        }
    }

    private func regularizerCall(
        _ written: String, _ positional: [Literal], _ keywords: [Literal.KeywordValue], at span: Span
    ) -> (value: Regularizer?, Void)? {
        let prefix = Self.regularizerPrefixes.last { written.hasPrefix($0) } ?? ""
        let name = String(written.dropFirst(prefix.count))
        let parameters: [String]
        let defaults: [Double]
        switch name {
        case "l1", "L1": (parameters, defaults) = (["l1"], [0.01])
        case "l2", "L2": (parameters, defaults) = (["l2"], [0.01])
        case "l1_l2", "L1L2": (parameters, defaults) = (["l1", "l2"], [0, 0])
        default:
            diagnostics.error(
                "unknown regularizer `\(written)`", at: span,
                suggestion: Spelling.closest(to: name, in: ["l1", "l2", "l1_l2"]).map {
                    "did you mean `regularizers.\($0)(...)`?"
                }
                    ?? "use `regularizers.l1(...)`, `regularizers.l2(...)` or `regularizers.l1_l2(l1=..., l2=...)`")
            return nil
        }
        guard positional.count <= parameters.count else {
            diagnostics.error("`\(written)` takes at most \(parameters.count) argument(s)", at: span)
            return nil
        }
        var values = defaults
        var given = Set<String>()
        for (i, v) in positional.enumerated() {
            guard let d = factor(v, written, parameters[i], at: span) else { return nil }
            values[i] = d
            given.insert(parameters[i])
        }
        for k in keywords {
            guard let i = parameters.firstIndex(of: k.name) else {
                diagnostics.error(
                    "`\(written)` has no argument `\(k.name)`", at: span,
                    suggestion: "its arguments: \(parameters.map { "`\($0)`" }.joined(separator: ", "))")
                return nil
            }
            guard !given.contains(k.name) else {
                diagnostics.error("`\(written)` got two values for `\(k.name)`", at: span)
                return nil
            }
            guard let d = factor(k.value, written, k.name, at: span) else { return nil }
            values[i] = d
            given.insert(k.name)
        }
        switch name {
        case "l1", "L1": return (.l1(values[0]), ())
        case "l2", "L2": return (.l2(values[0]), ())
        default: return (.l1l2(l1: values[0], l2: values[1]), ())
        }
    }

    /// A regularisation factor: a finite number >= 0 (`None` means the default, as in Keras; not accepted here).
    private func factor(_ v: Literal, _ call: String, _ name: String, at span: Span) -> Double? {
        let d: Double
        switch v {
        case .int(let i): d = Double(i)
        case .float(let f): d = f
        default:
            diagnostics.error("`\(call)` argument `\(name)` must be a number, got `\(v.python)`", at: span)
            return nil
        }
        guard d.isFinite, d >= 0 else {
            diagnostics.error(
                "`\(call)` argument `\(name)` must be >= 0, got `\(v.python)`", at: span,
                suggestion: "a regularization factor is a non-negative number such as `1e-4`")
            return nil
        }
        return d
    }
}
