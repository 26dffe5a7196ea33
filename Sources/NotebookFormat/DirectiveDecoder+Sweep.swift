import Vocabulary
import Yams

extension DirectiveDecoder {
    /// ```yaml
    /// train: with_dropout        # a train id
    /// vary: rate                 # rate | learning_rate | epochs | batch_size
    /// values: [0, 0.2, 0.3, 0.5, 0.7]
    /// ```
    func decodeSweep() {
        guard let f = fields(allowed: ["train", "vary", "values"]) else { return }
        var decl = SweepDecl(train: "", vary: .rate, values: [])
        if let (_, node) = f["train"] {
            decl.train = reference(node, role: "train", kinds: [.train]) ?? ""
        } else {
            yaml.missing("train", example: "train: with_dropout")
        }
        if let (_, node) = f["vary"] {
            decl.vary =
                yaml.choice(node, "sweep setting", SweepSetting.allCases.map(\.rawValue)).flatMap(SweepSetting.init)
                ?? .rate
        } else {
            yaml.missing("vary", example: "vary: rate")
        }
        if let (_, node) = f["values"], let items = yaml.list(node, "values") {
            if items.isEmpty {
                diagnostics.error("`values` is empty; a sweep needs at least one value", at: yaml.span(node))
            }
            for item in items {
                if let value = sweepValue(item, vary: decl.vary) { decl.values.append(value) }
            }
        } else if f["values"] == nil {
            yaml.missing("values", example: "values: [0, 0.2, 0.5]")
        }
        draft.payload = .sweep(decl)
        draft.normalizedBody = Self.canonical([
            ("train", decl.train), ("vary", decl.vary.rawValue),
            ("values", decl.values.map { $0.map(Self.number).joined(separator: "/") }.joined(separator: ",")),
        ])
    }

    /// One point: a number in the setting's range, or for `rate` a list of rates.
    private func sweepValue(_ node: Node, vary: SweepSetting) -> [Double]? {
        func rate(_ n: Node) -> Double? { yaml.double(n, "rate", range: ">= 0 and < 1", { $0 >= 0 && $0 < 1 }) }
        switch vary {
        case .rate:
            if case .sequence = node {
                guard let items = yaml.list(node, "rates"), !items.isEmpty else { return nil }
                let rates = items.compactMap(rate)
                return rates.count == items.count ? rates : nil
            }
            return rate(node).map { [$0] }
        case .learningRate:
            return yaml.double(node, "learning_rate", range: "> 0", { $0 > 0 }).map { [$0] }
        case .epochs, .batchSize:
            return yaml.int(node, vary.rawValue, atLeast: 1).map { [Double($0)] }
        }
    }
}
