import Engine
import Foundation
import NotebookFormat

extension Execution {
    /// Evaluates a trained model on the test rows (Keras `evaluate()`), or takes the result from the cache.
    func evaluate(_ decl: EvaluateDecl, directive: Directive, key: String, step: StepName) throws -> EvaluationOutcome {
        if options.useCache, let folder = cache.entry(for: key),
            let data = try? Data(contentsOf: folder.appendingPathComponent("evaluation.json")),
            let cached = try? JSONDecoder().decode(EvaluationOutcome.self, from: data)
        {
            markCached(directive.id)
            progress.step(step, detail: "cached")
            return cached
        }
        progress.step(step)
        let (model, train) = try trainedModel(trainID: decl.model)
        let data = try dataset(named: train.data)
        let samples = decl.on == "train" ? data.train : data.test
        let evaluation = model.evaluate(samples, batchSize: 32, threads: threads)
        let outcome = EvaluationOutcome(
            loss: evaluation.loss, accuracy: evaluation.accuracy,
            predictions: evaluation.predictions, labels: samples.labels)
        try cache.store(key: key) { folder in
            try JSONEncoder().encode(outcome).write(to: folder.appendingPathComponent("evaluation.json"))
        }
        progress.note("loss \(ProgressBar.fixed(outcome.loss)), accuracy \(ProgressBar.fixed(outcome.accuracy))")
        return outcome
    }

    func evaluation(named id: String) throws -> (EvaluationOutcome, EvaluateDecl) {
        guard case .evaluate(let outcome)? = results[id],
            case .evaluate(let decl)? = notebook.directive(id, kind: .evaluate)?.payload
        else {
            throw RunnerFailure(message: "`\(id)` is not an evaluation")
        }
        return (outcome, decl)
    }

    /// The data set an evaluation's model was trained on (its test rows are what it evaluated).
    func dataset(evaluatedBy evaluate: EvaluateDecl) throws -> LoadedDataset {
        guard case .train(let train)? = notebook.directive(evaluate.model, kind: .train)?.payload else {
            throw RunnerFailure(message: "`\(evaluate.model)` is not a training run")
        }
        return try dataset(named: train.data)
    }
}
