import Engine
import Foundation
import NotebookFormat

extension Execution {
    /// Trains a model with Keras' `fit()` semantics, or takes the result from the cache.
    func train(_ decl: TrainDecl, directive: Directive, key: String, step: StepName) throws -> TrainingOutcome {
        if options.useCache, let cached = cachedTraining(key: key) {
            markCached(directive.id)
            progress.step(step, detail: "cached")
            return cached
        }
        progress.step(step)
        let built = try model(named: decl.model)
        let data = try dataset(named: decl.data)
        guard let loss = LossKind(rawValue: decl.loss) else {
            throw RunnerFailure(message: "unsupported loss `\(decl.loss)`")
        }
        var generator = SeededGenerator(seed: seed(for: directive))
        let model = try Model(spec: built.spec, generator: &generator)
        let config = FitConfig(
            optimizer: OptimizerTranslation.spec(for: decl.optimizer), loss: loss, epochs: decl.epochs,
            batchSize: decl.batchSize, validationSplit: Float(decl.validationSplit),
            shuffle: decl.shuffle, threads: threads)
        let started = Date()
        let history = try model.fit(data.train, config: config, generator: &generator) { [progress] event in
            progress.training(event)
        }
        var outcome = TrainingOutcome(
            history: history, seconds: Date().timeIntervalSince(started),
            parameterCount: model.parameterCount)
        outcome.parameters = model.parameters
        try cache.store(key: key) { folder in
            try JSONEncoder().encode(outcome).write(to: folder.appendingPathComponent("training.json"))
            try CachedFloats.write(outcome.parameters, to: folder, name: "weights")
        }
        return outcome
    }

    private func cachedTraining(key: String) -> TrainingOutcome? {
        guard let folder = cache.entry(for: key),
            let data = try? Data(contentsOf: folder.appendingPathComponent("training.json")),
            var outcome = try? JSONDecoder().decode(TrainingOutcome.self, from: data),
            let weights = CachedFloats.read(from: folder, name: "weights")
        else { return nil }
        outcome.parameters = weights
        return outcome
    }

    /// The trained model of a train directive, rebuilt from its weights.
    func trainedModel(trainID: String) throws -> (Model, TrainDecl) {
        guard case .train(let outcome)? = results[trainID],
            case .train(let decl)? = notebook.directive(trainID, kind: .train)?.payload
        else {
            throw RunnerFailure(message: "`\(trainID)` is not a training run")
        }
        let built = try model(named: decl.model)
        var generator = SeededGenerator(seed: 0)
        let model = try Model(spec: built.spec, generator: &generator)
        model.parameters = outcome.parameters
        return (model, decl)
    }
}
