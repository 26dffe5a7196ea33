import Yams

extension DirectiveDecoder {
    func decodeEvaluate() {
        guard let f = fields(allowed: ["model", "on"]) else { return }
        var decl = EvaluateDecl(model: "")
        if let (_, node) = f["model"] {
            decl.model = reference(node, role: "model", kinds: [.train]) ?? ""
        } else {
            yaml.missing("model", example: "model: no_dropout")
        }
        if let (_, node) = f["on"] { decl.on = yaml.choice(node, "split", ["test", "train"]) ?? "test" }
        draft.payload = .evaluate(decl)
        draft.normalizedBody = Self.canonical([("model", decl.model), ("on", decl.on)])
    }

    func decodeSamples() {
        guard let f = fields(allowed: ["data", "split", "count", "columns"]) else { return }
        var decl = SamplesDecl(data: "")
        if let (_, node) = f["data"] {
            decl.data = reference(node, role: "data", kinds: [.dataset]) ?? ""
        } else {
            yaml.missing("data", example: "data: mnist")
        }
        if let (_, node) = f["split"] { decl.split = yaml.choice(node, "split", ["test", "train"]) ?? "test" }
        if let (_, node) = f["count"] { decl.count = yaml.int(node, "count", atLeast: 1, atMost: Self.maxImages) ?? 16 }
        if let (_, node) = f["columns"] { decl.columns = yaml.int(node, "columns", atLeast: 1, atMost: Self.maxColumns) ?? 8 }
        draft.payload = .samples(decl)
        draft.normalizedBody = Self.canonical([
            ("data", decl.data), ("split", decl.split),
            ("count", String(decl.count)), ("columns", String(decl.columns)),
        ])
    }

    func decodeMisclassified() {
        guard let f = fields(allowed: ["model", "count", "columns"]) else { return }
        var decl = MisclassifiedDecl(model: "")
        if let (_, node) = f["model"] {
            decl.model = reference(node, role: "model", kinds: [.evaluate]) ?? ""
        } else {
            yaml.missing("model", example: "model: no_dropout_test")
        }
        if let (_, node) = f["count"] { decl.count = yaml.int(node, "count", atLeast: 1, atMost: Self.maxImages) ?? 16 }
        if let (_, node) = f["columns"] { decl.columns = yaml.int(node, "columns", atLeast: 1, atMost: Self.maxColumns) ?? 8 }
        draft.payload = .misclassified(decl)
        draft.normalizedBody = Self.canonical([
            ("model", decl.model), ("count", String(decl.count)),
            ("columns", String(decl.columns)),
        ])
    }

    func decodeConfusion() {
        guard let f = fields(allowed: ["model"]) else { return }
        var decl = ConfusionDecl(model: "")
        if let (_, node) = f["model"] {
            decl.model = reference(node, role: "model", kinds: [.evaluate]) ?? ""
        } else {
            yaml.missing("model", example: "model: no_dropout_test")
        }
        draft.payload = .confusion(decl)
        draft.normalizedBody = Self.canonical([("model", decl.model)])
    }

    /// A scalar node parsed as a value path; quoted scalars are located inside their quotes.
    func pathExpression(_ node: Node, _ name: String, wantsSeries: Bool) -> Expression? {
        guard let text = yaml.string(node, name) else { return nil }
        let span = yaml.span(node)
        let quoted: Bool
        if case .scalar(let s) = node {
            quoted = s.style == .singleQuoted || s.style == .doubleQuoted
        } else {
            quoted = false
        }
        guard let e = expression(text, at: span, offsetInNode: quoted ? 1 : 0) else { return nil }
        if let filter = e.filters.first {
            diagnostics.error("`\(name)` takes a value path, not filters like `\(filter.name)`", at: span)
            return nil
        }
        if wantsSeries, let a = e.path.accessors.first {
            diagnostics.error(
                "`\(name)` must be a whole series; `\(a.spelling)` picks a single value", at: span,
                suggestion: "write `\(e.path.dotted)`")
            return nil
        }
        draft.paths.append(.init(expression: e, span: span, wantsSeries: wantsSeries))
        return e
    }
}
