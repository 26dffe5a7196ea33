import Yams

extension DirectiveDecoder {
    static let histogramKeys = [
        "prune", "sparsity", "layer", "bins", "zeros", "title", "xlabel", "ylabel", "yscale", "labels",
    ]

    /// ```yaml
    /// prune: pruned_global   # a prune id
    /// sparsity: 0.9          # one of its levels
    /// layer: dense           # optional; default all kernels
    /// bins: 80
    /// ```
    func decodeHistogram() {
        guard let f = fields(allowed: Self.histogramKeys) else { return }
        var decl = HistogramDecl(prune: "", sparsity: 0)
        if let (_, node) = f["prune"] {
            decl.prune = reference(node, role: "prune", kinds: [.prune]) ?? ""
        } else {
            yaml.missing("prune", example: "prune: pruned")
        }
        if let (_, node) = f["sparsity"] {
            decl.sparsity = yaml.double(node, "sparsity", range: ">= 0 and < 1", { $0 >= 0 && $0 < 1 }) ?? 0
            decl.sparsitySpan = yaml.span(node)
        } else {
            yaml.missing("sparsity", example: "sparsity: 0.9")
        }
        if let (_, node) = f["layer"], let layer = yaml.string(node, "layer") {
            decl.layer = layer
            decl.layerSpan = yaml.span(node)
        }
        if let (_, n) = f["bins"] { decl.bins = yaml.int(n, "bins", atLeast: 1) ?? 80 }
        if let (_, n) = f["zeros"] { decl.zeros = yaml.bool(n, "zeros") ?? false }
        if let (_, n) = f["title"] { decl.title = yaml.string(n, "title") }
        if let (_, n) = f["xlabel"] { decl.xlabel = yaml.string(n, "xlabel") }
        if let (_, n) = f["ylabel"] { decl.ylabel = yaml.string(n, "ylabel") }
        if let (_, n) = f["yscale"] { decl.yscale = yaml.choice(n, "yscale", ["linear", "log"]) ?? "linear" }
        if let (_, n) = f["labels"], let items = yaml.list(n, "labels") {
            if items.count != 2 {
                diagnostics.error("`labels` needs two texts: before and after pruning", at: yaml.span(n))
            }
            decl.labels = items.compactMap { yaml.string($0, "label") }
        }
        draft.payload = .histogram(decl)
        draft.normalizedBody = Self.canonical([
            ("prune", decl.prune), ("sparsity", Self.number(decl.sparsity)), ("layer", decl.layer),
            ("bins", String(decl.bins)),
            ("zeros", decl.zeros ? "true" : "false"), ("title", decl.title), ("xlabel", decl.xlabel),
            ("ylabel", decl.ylabel),
            ("yscale", decl.yscale), ("labels", decl.labels?.joined(separator: "|")),
        ])
    }
}
