import Engine
import Foundation
import NotebookFormat

extension Execution {
    /// Repeats a training with one setting changed per point and evaluates each run on the test
    /// rows. Each point is cached under its own key (the train's key, the setting and the value);
    /// every point starts from the train's seed, so the points differ only in the setting, and a
    /// point equal to the train itself reuses its result.
    func sweep(_ decl: SweepDecl, directive: Directive, key: String, step: StepName) throws -> SweepOutcome {
        guard let trainKey = keys["train \(decl.train)"],
            case .train(let base)? = results[decl.train],
            let trainDirective = notebook.directive(decl.train, kind: .train),
            case .train(let train) = trainDirective.payload
        else {
            throw RunnerFailure(message: "`\(decl.train)` is not a training run")
        }
        let pointKeys = decl.values.map { value in
            Digest.hex(
                [
                    "nbrun-sweep-point/1", "train=\(trainKey)", "vary=\(decl.vary)",
                    "value=\(value.map { "\($0)" }.joined(separator: ","))",
                ].joined(separator: "\n"))
        }
        let cached = pointKeys.map { options.useCache ? cachedPoint(key: $0) : nil }
        let missing = cached.filter { $0 == nil }.count
        if missing == 0 {
            markCached(directive.id)
            progress.step(step, detail: "cached")
        } else {
            progress.step(
                step,
                detail: missing < cached.count ? "\(cached.count - missing) of \(cached.count) points cached" : nil)
        }
        let built = try model(named: train.model)
        let data = try dataset(named: train.data)
        var points: [SweepPoint] = []
        for (index, value) in decl.values.enumerated() {
            if let point = cached[index] {
                points.append(point)
                continue
            }
            let started = Date()
            let (spec, config) = try pointSetup(decl.vary, value: value, spec: built.spec, train: train)
            progress.note("\(decl.vary) = \(value.map { String(format: "%g", $0) }.joined(separator: " / "))")
            let model: Model
            var history: History
            if spec == built.spec, sameRun(config, train: train) {
                // The train itself: reuse its weights and history.
                (model, _) = try trainedModel(trainID: decl.train)
                history = base.history
                progress.note("same as `\(decl.train)`: reusing its run")
            } else {
                var generator = SeededGenerator(seed: seed(for: trainDirective))
                model = try Model(spec: spec, generator: &generator)
                history = try model.fit(data.train, config: config, generator: &generator) { [progress] event in
                    progress.training(event)
                }
            }
            let evaluation = model.evaluate(data.test, batchSize: 32, threads: threads)
            let point = SweepPoint(
                value: value, history: history, testLoss: evaluation.loss, testAccuracy: evaluation.accuracy,
                seconds: Date().timeIntervalSince(started))
            progress.note("test accuracy \(ProgressBar.fixed(evaluation.accuracy))")
            try cache.store(key: pointKeys[index]) { folder in
                try JSONEncoder().encode(point).write(to: folder.appendingPathComponent("point.json"))
            }
            points.append(point)
        }
        return SweepOutcome(vary: decl.vary, points: points)
    }

    /// The model and fit settings of one point.
    private func pointSetup(_ vary: String, value: [Double], spec: ModelSpec, train: TrainDecl) throws -> (
        ModelSpec, FitConfig
    ) {
        var spec = spec
        var optimizer = train.optimizer
        var epochs = train.epochs
        var batchSize = train.batchSize
        switch vary {
        case "rate":
            var dropout = 0
            let count = spec.layers.filter {
                if case .dropout = $0 { return true }
                return false
            }.count
            guard count > 0 else { throw RunnerFailure(message: "`vary: rate` needs a model with a Dropout layer") }
            guard value.count == 1 || value.count == count else {
                throw RunnerFailure(message: "\(value.count) rates given for \(count) Dropout layers")
            }
            spec.layers = spec.layers.map { layer in
                guard case .dropout = layer else { return layer }
                defer { dropout += 1 }
                return .dropout(rate: Float(value.count == 1 ? value[0] : value[dropout]))
            }
        case "learning_rate": optimizer.learningRate = value[0]
        case "epochs": epochs = Int(value[0])
        case "batch_size": batchSize = Int(value[0])
        default: throw RunnerFailure(message: "cannot vary `\(vary)`")
        }
        let config = FitConfig(
            optimizer: OptimizerTranslation.spec(for: optimizer),
            loss: LossKind(rawValue: train.loss) ?? .sparseCategoricalCrossentropy,
            epochs: epochs, batchSize: batchSize, validationSplit: Float(train.validationSplit),
            shuffle: train.shuffle, threads: threads)
        return (spec, config)
    }

    private func sameRun(_ config: FitConfig, train: TrainDecl) -> Bool {
        config.epochs == train.epochs && config.batchSize == train.batchSize
            && config.optimizer == OptimizerTranslation.spec(for: train.optimizer)
    }

    private func cachedPoint(key: String) -> SweepPoint? {
        guard let folder = cache.entry(for: key),
            let data = try? Data(contentsOf: folder.appendingPathComponent("point.json"))
        else { return nil }
        return try? JSONDecoder().decode(SweepPoint.self, from: data)
    }
}
