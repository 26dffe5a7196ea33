import NotebookFormat

/// Answers `{{ id.member... }}` and plot series from the results of a run.
///
/// What each kind exposes is the contract of docs/notebook-format.md: dataset `train_count`,
/// `test_count`; model `params`; train `history.{loss,accuracy,val_loss,val_accuracy}`, `params`,
/// `seconds`, `epochs`; evaluate `loss`, `accuracy`, `errors`, `count`.
struct ValueLookup {
    let results: [String: DirectiveResult]
    let models: [String: BuiltModel]

    /// Wall-clock values (training `seconds`, inference latencies, speed-ups) differ from run to
    /// run: the lock records them but `check` does not compare them.
    static func isTiming(_ members: [String]) -> Bool {
        members.contains { $0 == "seconds" || $0.hasPrefix("latency") || $0 == "speedup" }
    }

    func value(root: String, members: [String]) throws -> Value {
        guard let result = results[root] ?? models[root].map(DirectiveResult.model) else {
            throw RunnerFailure(message: "no result named `\(root)`")
        }
        let path = members.joined(separator: ".")
        switch (result, path) {
        case (.dataset(let data), "train_count"): return .integer(data.train.count)
        case (.dataset(let data), "test_count"): return .integer(data.test.count)
        case (.model(let model), "params"): return .integer(model.parameterCount)
        case (.train(let run), "history.loss"): return .series(run.history.loss.map(Double.init))
        case (.train(let run), "history.accuracy"): return .series(run.history.accuracy.map(Double.init))
        case (.train(let run), "history.val_loss"): return .series(run.history.valLoss.map(Double.init))
        case (.train(let run), "history.val_accuracy"): return .series(run.history.valAccuracy.map(Double.init))
        case (.train(let run), "params"): return .integer(run.parameterCount)
        case (.train(let run), "seconds"): return .number(run.seconds)
        case (.train(let run), "epochs"): return .integer(run.history.epochs.count)
        case (.evaluate(let evaluation), "loss"): return .number(Double(evaluation.loss))
        case (.evaluate(let evaluation), "accuracy"): return .number(Double(evaluation.accuracy))
        case (.evaluate(let evaluation), "errors"): return .integer(evaluation.errors)
        case (.evaluate(let evaluation), "count"): return .integer(evaluation.labels.count)
        case (.prune(let outcome), _):
            if let value = outcome.value(path) { return value }
            throw RunnerFailure(message: "`\(root)` has no value `\(path)`")
        case (.sweep(let outcome), _):
            if let value = outcome.value(path) { return value }
            throw RunnerFailure(message: "`\(root)` has no value `\(path)`")
        default:
            throw RunnerFailure(message: "`\(root)` has no value `\(path)`")
        }
    }
}
