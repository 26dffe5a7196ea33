import NotebookFormat

/// Answers `{{ id.member... }}` and plot series from the results of a run.
///
/// Which names a directive offers is decided once, by ``ValueProducer`` (the checker accepts
/// exactly those); this type answers each ``ProducedValue`` case from the results.
struct ValueLookup {
    let notebook: Notebook
    let results: RunResults

    /// The value of `root.members` (checked before anything ran).
    func value(root: String, members: [String]) throws -> Value {
        let path = members.joined(separator: ".")
        guard let produced = notebook.values(of: root)[path] else {
            preconditionFailure("`\(root).\(path)` passed the check but names no value")
        }
        guard let value = value(produced, of: root) else {
            throw RunnerFailure(message: "`\(root)` produced no value `\(path)` in this run")
        }
        return value
    }

    /// The value `produced` of directive `id`, or nil when the run did not produce it.
    func value(_ produced: ProducedValue, of id: String) -> Value? {
        switch produced {
        case .dataset(let v):
            guard let data = results.datasets[id] else { return nil }
            switch v {
            case .trainCount: return .integer(data.train.count)
            case .testCount: return .integer(data.test.count)
            }
        case .model(let v):
            guard let model = results.models[id] else { return nil }
            switch v {
            case .params: return .integer(model.parameterCount)
            }
        case .train(let v):
            return results.trainings[id].flatMap { TrainingValues(outcome: $0).value(v) }
        case .evaluate(let v):
            guard let evaluation = results.evaluations[id] else { return nil }
            switch v {
            case .loss: return .number(Double(evaluation.loss))
            case .metric(.accuracy): return .number(Double(evaluation.accuracy))
            case .errors: return .integer(evaluation.errors)
            case .count: return .integer(evaluation.labels.count)
            }
        case .prune(let v):
            return results.prunes[id].flatMap { PruneValues(outcome: $0).value(v) }
        case .sweep(let v):
            return results.sweeps[id].flatMap { SweepValues(outcome: $0).value(v) }
        }
    }
}
