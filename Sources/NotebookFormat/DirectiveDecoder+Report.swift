extension DirectiveDecoder {
    /// `model: <evaluate id>` and optional `digits:` (0 ... 6).
    func decodeReport() {
        guard let f = fields(allowed: ["model", "digits"]) else { return }
        var decl = ReportDecl(model: "")
        if let (_, node) = f["model"] {
            decl.model = reference(node, role: "model", kinds: [.evaluate]) ?? ""
        } else {
            yaml.missing("model", example: "model: no_dropout_test")
        }
        if let (_, node) = f["digits"] { decl.digits = yaml.int(node, "digits", atLeast: 0, atMost: 6) ?? 2 }
        draft.payload = .report(decl)
        draft.normalizedBody = Self.canonical([("model", decl.model), ("digits", String(decl.digits))])
    }
}
