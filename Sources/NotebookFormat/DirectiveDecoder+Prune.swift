import Yams

extension DirectiveDecoder {
    static let pruneKeys = ["model", "method", "scope", "sparsity", "fine_tune", "latency"]
    static let fineTuneKeys = [
        "epochs", "learning_rate", "batch_size", "schedule", "initial_sparsity", "ramp", "frequency",
    ]

    /// ```yaml
    /// model: base                      # a train id
    /// method: magnitude
    /// scope: global                    # or layer
    /// sparsity: [0.5, 0.8, 0.9, 0.95]
    /// fine_tune: {epochs: 2, learning_rate: 1e-4}
    /// latency: {batch: 1000, runs: 7}
    /// ```
    func decodePrune() {
        guard let f = fields(allowed: Self.pruneKeys) else { return }
        var decl = PruneDecl(model: "", sparsity: [])
        if let (_, node) = f["model"] {
            decl.model = reference(node, role: "model", kinds: [.train]) ?? ""
        } else {
            yaml.missing("model", example: "model: no_dropout")
        }
        if let (_, node) = f["method"] {
            decl.method = yaml.choice(node, "pruning method", ["magnitude"]) ?? "magnitude"
        }
        if let (_, node) = f["scope"] {
            decl.scope = yaml.choice(node, "pruning scope", ["global", "layer"]) ?? "global"
        }
        if let (_, node) = f["sparsity"], let items = yaml.list(node, "sparsity", single: true) {
            decl.sparsity = items.compactMap {
                yaml.double($0, "sparsity", range: ">= 0 and < 1", { $0 >= 0 && $0 < 1 })
            }
            if items.isEmpty {
                diagnostics.error(
                    "`sparsity` is empty; give at least one level, e.g. `[0.5, 0.9]`", at: yaml.span(node))
            }
            var seen = Set<Double>()
            for (item, value) in zip(items, decl.sparsity) where !seen.insert(value).inserted {
                diagnostics.error("sparsity \(Self.number(value)) is listed twice", at: yaml.span(item))
            }
        } else if f["sparsity"] == nil {
            yaml.missing("sparsity", example: "sparsity: [0.5, 0.8, 0.9, 0.95]")
        }
        if let (_, node) = f["fine_tune"] { decl.fineTune = decodeFineTune(node) }
        if let (_, node) = f["latency"], let pairs = yaml.mapping(node, expected: "`{batch: 1000, runs: 7}`") {
            yaml.checkKeys(pairs, allowed: ["batch", "runs"], in: "`latency`")
            for p in pairs {
                if p.key == "batch" {
                    decl.latencyBatch = yaml.int(p.value, "latency.batch", atLeast: 1) ?? decl.latencyBatch
                }
                if p.key == "runs" {
                    decl.latencyRuns = yaml.int(p.value, "latency.runs", atLeast: 1) ?? decl.latencyRuns
                }
            }
        }
        draft.payload = .prune(decl)
        let t = decl.fineTune
        draft.normalizedBody = Self.canonical([
            ("model", decl.model), ("method", decl.method), ("scope", decl.scope),
            ("sparsity", decl.sparsity.map(Self.number).joined(separator: ",")),
            ("fine_tune.epochs", t.map { String($0.epochs) }),
            ("fine_tune.learning_rate", t?.learningRate.map(Self.number)),
            ("fine_tune.batch_size", t?.batchSize.map(String.init)), ("fine_tune.schedule", t?.schedule),
            ("fine_tune.initial_sparsity", t.map { Self.number($0.initialSparsity) }),
            ("fine_tune.ramp", t.map { Self.number($0.ramp) }),
            ("fine_tune.frequency", t.map { String($0.frequency) }),
            ("latency.batch", String(decl.latencyBatch)), ("latency.runs", String(decl.latencyRuns)),
        ])
    }

    /// `fine_tune: {epochs: 2, learning_rate: 1e-4}`; `fine_tune: false` means none.
    private func decodeFineTune(_ node: Node) -> FineTuneDecl? {
        if yaml.plain(node)?.lowercased() == "false" { return nil }
        guard let pairs = yaml.mapping(node, expected: "`{epochs: 2, learning_rate: 1e-4}`") else { return nil }
        yaml.checkKeys(pairs, allowed: Self.fineTuneKeys, in: "`fine_tune`")
        var t = FineTuneDecl()
        for p in pairs {
            let name = "fine_tune.\(p.key)"
            switch p.key {
            case "epochs": t.epochs = yaml.int(p.value, name, atLeast: 1) ?? t.epochs
            case "learning_rate": t.learningRate = yaml.double(p.value, name, range: "> 0", { $0 > 0 })
            case "batch_size": t.batchSize = yaml.int(p.value, name, atLeast: 1)
            case "schedule":
                t.schedule = yaml.choice(p.value, "pruning schedule", ["one_shot", "gradual"]) ?? t.schedule
            case "initial_sparsity":
                t.initialSparsity = yaml.double(p.value, name, range: ">= 0 and < 1", { $0 >= 0 && $0 < 1 }) ?? 0
            case "ramp": t.ramp = yaml.double(p.value, name, range: "> 0 and <= 1", { $0 > 0 && $0 <= 1 }) ?? t.ramp
            case "frequency": t.frequency = yaml.int(p.value, name, atLeast: 1) ?? t.frequency
            default: break
            }
        }
        let gradualOnly = pairs.filter { ["initial_sparsity", "ramp", "frequency"].contains($0.key) }
        if t.schedule != "gradual", let first = gradualOnly.first {
            diagnostics.error(
                "`fine_tune.\(first.key)` only applies to `schedule: gradual`", at: first.keySpan,
                suggestion: "add `schedule: gradual` or remove `\(first.key)`")
        }
        return t
    }
}
