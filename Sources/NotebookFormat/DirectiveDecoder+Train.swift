import Vocabulary
import Yams

extension DirectiveDecoder {
    static let trainKeys = [
        "model", "data", "optimizer", "loss", "metrics", "epochs", "batch_size",
        "validation_split", "shuffle", "seeds", "callbacks",
    ]
    static let losses = LossKind.allCases.map(\.rawValue)

    func decodeTrain() {
        guard let f = fields(allowed: Self.trainKeys) else { return }
        var model = draft.id
        if let (_, node) = f["model"] {
            model = reference(node, role: "model", kinds: [.model]) ?? draft.id
        } else {
            draft.references.append(
                .init(id: draft.id, span: draft.idSpan, role: "`model`", expected: [.model], implicit: true))
        }
        var data = ""
        if let (_, node) = f["data"] {
            data = reference(node, role: "data", kinds: [.dataset]) ?? ""
        } else {
            yaml.missing("data", example: "data: mnist")
        }
        var optimizer = OptimizerDecl(name: .rmsprop)
        if let (_, node) = f["optimizer"] { optimizer = decodeOptimizer(node) ?? optimizer }
        // After an error the placeholder below is never used: the notebook does not pass the check.
        var loss = LossKind.sparseCategoricalCrossentropy
        if let (_, node) = f["loss"] {
            loss = yaml.choice(node, "loss", Self.losses).flatMap(LossKind.init(rawValue:)) ?? loss
        } else {
            yaml.missing("loss", example: "loss: sparse_categorical_crossentropy")
        }
        var metrics: [MetricName] = []
        var topK = MetricName.defaultTopK
        if let (_, node) = f["metrics"] { (metrics, topK) = decodeMetrics(node, loss: loss) }
        var decl = TrainDecl(model: model, data: data, optimizer: optimizer, loss: loss, metrics: metrics, epochs: 1)
        decl.topK = topK
        if let (_, node) = f["epochs"] { decl.epochs = yaml.int(node, "epochs", atLeast: 1) ?? 1 }
        if let (_, node) = f["batch_size"] { decl.batchSize = yaml.int(node, "batch_size", atLeast: 1) ?? 32 }
        if let (_, node) = f["validation_split"] {
            decl.validationSplit =
                yaml.double(node, "validation_split", range: ">= 0 and < 1", { $0 >= 0 && $0 < 1 }) ?? 0
        }
        if let (_, node) = f["shuffle"] { decl.shuffle = yaml.bool(node, "shuffle") ?? true }
        if let (_, node) = f["seeds"] { decl.seeds = decodeSeeds(node) }
        if let (_, node) = f["callbacks"] {
            decl.callbacks = decodeCallbacks(node, historyKeys: decl.historyKeys.map(\.rawValue))
            if decl.optimizer.schedule != nil, decl.callbacks.contains(where: { $0.name == .reduceLROnPlateau }) {
                diagnostics.error(
                    "`ReduceLROnPlateau` cannot change a learning-rate schedule", at: yaml.span(node),
                    suggestion: "Keras refuses it too: use a constant `learning_rate` or drop the callback")
            }
        }
        draft.payload = .train(decl)
        let o = decl.optimizer
        draft.normalizedBody = Self.canonical([
            ("model", decl.model), ("data", decl.data), ("optimizer", o.name.rawValue),
            ("optimizer.learning_rate", o.learningRate.map(Self.number) ?? o.schedule?.kerasDescription),
            ("optimizer.weight_decay", o.weightDecay.map(Self.number)),
            ("optimizer.momentum", o.momentum.map(Self.number)),
            ("optimizer.nesterov", o.nesterov.map { $0 ? "true" : "false" }),
            ("optimizer.beta_1", o.beta1.map(Self.number)),
            ("optimizer.beta_2", o.beta2.map(Self.number)), ("optimizer.epsilon", o.epsilon.map(Self.number)),
            ("optimizer.rho", o.rho.map(Self.number)), ("loss", decl.loss.rawValue),
            ("metrics", decl.metricsText),
            ("epochs", String(decl.epochs)), ("batch_size", String(decl.batchSize)),
            ("validation_split", Self.number(decl.validationSplit)), ("shuffle", decl.shuffle ? "true" : "false"),
            ("callbacks", decl.callbacks.isEmpty ? nil : decl.callbacks.map(\.canonical).joined(separator: ", ")),
        ])
    }

    /// `seeds: N`, 1 ... `TrainDecl.maxSeeds` (1 when written wrongly, after the error).
    private func decodeSeeds(_ node: Node) -> Int {
        guard let n = yaml.int(node, "seeds", atLeast: 1) else { return 1 }
        guard n <= TrainDecl.maxSeeds else {
            diagnostics.error(
                "`seeds` must be at most \(TrainDecl.maxSeeds), got `\(n)`", at: yaml.span(node),
                suggestion: "each seed trains the model once more; 3 to 10 seeds show the spread")
            return 1
        }
        return n
    }

    /// `optimizer: adam` or `optimizer: {name: adam, learning_rate: 1e-3}`.
    private func decodeOptimizer(_ node: Node) -> OptimizerDecl? {
        let names = OptimizerName.allCases.map(\.rawValue).sorted()
        if case .scalar = node {
            guard let name = yaml.choice(node, "optimizer", names, caseInsensitive: true) else { return nil }
            return OptimizerName(rawValue: name).map { OptimizerDecl(name: $0) }
        }
        guard let pairs = yaml.mapping(node, expected: "an optimizer name or `{name: adam, learning_rate: 0.001}`")
        else {
            return nil
        }
        guard let namePair = pairs.first(where: { $0.key == "name" }) else {
            diagnostics.error(
                "`optimizer` needs `name:`", at: yaml.span(node),
                suggestion: "e.g. `{name: adam, learning_rate: 0.001}`")
            return nil
        }
        guard let text = yaml.choice(namePair.value, "optimizer", names, caseInsensitive: true),
            let name = OptimizerName(rawValue: text)
        else { return nil }
        yaml.checkKeys(pairs, allowed: ["name"] + name.options, in: "`\(text)` optimizer")
        var o = OptimizerDecl(name: name)
        for p in pairs {
            let n = "optimizer.\(p.key)"
            switch p.key {
            case "learning_rate":
                if case .scalar(let s) = p.value, s.string.contains("(") {
                    o.schedule = learningRateSchedule(p.value)
                } else {
                    o.learningRate = yaml.double(p.value, n, range: "> 0", { $0 > 0 })
                }
            case "weight_decay": o.weightDecay = yaml.double(p.value, n, range: ">= 0", { $0 >= 0 })
            case "momentum": o.momentum = yaml.double(p.value, n, range: ">= 0 and < 1", { $0 >= 0 && $0 < 1 })
            case "nesterov": o.nesterov = yaml.bool(p.value, n)
            case "beta_1": o.beta1 = yaml.double(p.value, n, range: ">= 0 and < 1", { $0 >= 0 && $0 < 1 })
            case "beta_2": o.beta2 = yaml.double(p.value, n, range: ">= 0 and < 1", { $0 >= 0 && $0 < 1 })
            case "epsilon": o.epsilon = yaml.double(p.value, n, range: "> 0", { $0 > 0 })
            case "rho": o.rho = yaml.double(p.value, n, range: ">= 0 and < 1", { $0 >= 0 && $0 < 1 })
            default: break
            }
        }
        return o
    }
}
