import NotebookFormat

/// Answers `{{ id.member... }}` and plot series from the results of a run.
///
/// Which names a directive offers is decided once, by ``ValueProducer`` (the checker accepts
/// exactly those); this type answers each ``ProducedValue`` case from the results. A replicated
/// result (`seeds:` above 1) answers `.replicates`, one value per seed, unless the path names one
/// replicate (`id[i]`).
struct ValueLookup {
    let notebook: Notebook
    let results: RunResults

    /// The value of a path's root and members (checked before anything ran), before accessors.
    func value(_ path: ValuePath) throws -> Value {
        let member = path.members.joined(separator: ".")
        guard let produced = notebook.values(of: path.root)[member] else {
            preconditionFailure("`\(path.dotted)` passed the check but names no value")
        }
        // A value the same in every seed (a prune's `sparsity`) is read from replicate 1.
        let count = notebook.replicates(of: path)
        let wanted = path.replicate.map { [$0] } ?? Array(1...count)
        let values = try wanted.map { replicate -> Value in
            guard let value = value(produced, of: path.root, replicate: replicate) else {
                throw RunnerFailure(message: "`\(path.root)` produced no value `\(member)` in this run")
            }
            return value
        }
        return values.count == 1 ? values[0] : .replicates(values)
    }

    /// The value `produced` of replicate `replicate` (from 1) of directive `id`, or nil when the run
    /// did not produce it.
    func value(_ produced: ProducedValue, of id: String, replicate: Int = 1) -> Value? {
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
            return results.trainings[id]?.element(replicate).flatMap { TrainingValues(outcome: $0).value(v) }
        case .evaluate(let v):
            guard let evaluation = results.evaluations[id]?.element(replicate) else { return nil }
            switch v {
            case .loss: return .number(Double(evaluation.loss))
            case .metric(.accuracy): return .number(Double(evaluation.accuracy))
            case .metric(.sparseTopKCategoricalAccuracy), .metric(.topKCategoricalAccuracy):
                return evaluation.topKAccuracy.map { .number(Double($0)) }
            case .errors: return .integer(evaluation.errors)
            case .count: return .integer(evaluation.labels.count)
            }
        case .prune(let v):
            return results.prunes[id]?.element(replicate).flatMap { PruneValues(outcome: $0).value(v) }
        case .sweep(let v):
            return results.sweeps[id]?.element(replicate).flatMap { SweepValues(outcome: $0).value(v) }
        case .compare(let v):
            return try? CompareValues(notebook: notebook, lookup: self).value(v, of: id)
        }
    }
}

extension Array {
    /// Element `replicate` counted from 1, or nil.
    func element(_ replicate: Int) -> Element? {
        indices.contains(replicate - 1) ? self[replicate - 1] : nil
    }
}
