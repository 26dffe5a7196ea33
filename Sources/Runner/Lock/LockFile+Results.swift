import Engine
import Foundation
import Hashing
import NotebookFormat

extension LockFile {
    /// The lock of a finished run: a pure function of its results and the numbers its article shows.
    ///
    /// Only numbers that do not depend on the clock are recorded: wall-clock values shown in the
    /// article (`seconds`, latencies) keep their place and expression but not their value, so a run
    /// that changes no number writes the same bytes.
    init(notebook: Notebook, bytes: Data, results: RunResults, shown: [ShownNumber]) {
        var directives: [String: LockedDirective] = [:]
        for directive in notebook.directives {
            var record = LockedDirective(
                kind: directive.kind.rawValue, line: directive.location.line,
                key: results.keys[Plan.node(directive)] ?? "")
            switch directive.kind {
            case .train:
                for (index, outcome) in (results.trainings[directive.id] ?? []).enumerated() {
                    var history = Self.history(outcome)
                    if case .train(let decl) = directive.payload, !decl.callbacks.isEmpty {
                        history.merge(Self.callbackHistory(outcome)) { $1 }
                    }
                    if case .train(let decl) = directive.payload, let topK = decl.metrics.first(where: \.isTopK) {
                        history.merge(Self.topKHistory(outcome, metric: topK)) { $1 }
                    }
                    if index == 0 {
                        record.history = history
                    } else {
                        directives[Self.replicateNode(directive, index: index)] = LockedDirective(
                            kind: directive.kind.rawValue, line: directive.location.line,
                            key: results.replicateKeys[Plan.node(directive)]?[index - 1] ?? "", history: history)
                    }
                }
            case .evaluate:
                let topK = Self.topKMetric(evaluating: directive, in: notebook)
                for (index, outcome) in (results.evaluations[directive.id] ?? []).enumerated() {
                    var metrics = [
                        "loss": LockedNumber(outcome.loss), "accuracy": LockedNumber(outcome.accuracy),
                        "errors": LockedNumber(Double(outcome.errors)),
                    ]
                    if let topK, let value = outcome.topKAccuracy { metrics[topK.rawValue] = LockedNumber(value) }
                    if index == 0 {
                        record.metrics = metrics
                    } else {
                        directives[Self.replicateNode(directive, index: index)] = LockedDirective(
                            kind: directive.kind.rawValue, line: directive.location.line,
                            key: results.replicateKeys[Plan.node(directive)]?[index - 1] ?? "", metrics: metrics)
                    }
                }
            case .claim:
                if case .claim(let decl) = directive.payload,
                    let v = try? ClaimEvaluation(lookup: ValueLookup(notebook: notebook, results: results)).verdict(
                        decl)
                {
                    record.metrics = [
                        "holds": LockedNumber(Double(v.holds ? 1 : 0)), "held_in": LockedNumber(Double(v.heldIn)),
                        "seeds": LockedNumber(Double(v.seeds)),
                    ]
                }
            case .compare:
                let lookup = ValueLookup(notebook: notebook, results: results)
                if let c = try? CompareValues(notebook: notebook, lookup: lookup).comparison(directive.id) {
                    record.metrics = [
                        "diff": LockedNumber(c.diff), "ci95.low": LockedNumber(c.ci95Low),
                        "ci95.high": LockedNumber(c.ci95High), "p": LockedNumber(c.p),
                        "effect": LockedNumber(c.effect), "n_a": LockedNumber(Double(c.countA)),
                        "n_b": LockedNumber(Double(c.countB)),
                    ]
                }
            case .prune, .sweep:
                // One record per replicate: the first under the directive's own name, the others as `id[i]`.
                let outcomes: [any LockedOutcome] =
                    results.prunes[directive.id] ?? results.sweeps[directive.id] ?? []
                for (index, outcome) in outcomes.enumerated() {
                    if index == 0 {
                        record.metrics = outcome.lockedMetrics
                        record.history = outcome.lockedHistories
                    } else {
                        directives[Self.replicateNode(directive, index: index)] = LockedDirective(
                            kind: directive.kind.rawValue, line: directive.location.line,
                            key: results.replicateKeys[Plan.node(directive)]?[index - 1] ?? "",
                            history: outcome.lockedHistories, metrics: outcome.lockedMetrics)
                    }
                }
            default:
                break
            }
            directives[Plan.node(directive)] = record
        }
        self.init(
            notebook: notebook.file.lastPathComponent,
            notebookSHA256: SHA256Hex.of(bytes),
            environment: LockEnvironment(
                nbrun: RunnerInfo.version, numerics: RunnerInfo.numericsVersion, cpu: EngineInfo.cpuModel,
                mathLibrary: EngineInfo.mathLibrary, threads: results.threads, seed: notebook.frontMatter.seed,
                data: results.dataChecksums),
            directives: directives,
            shown: shown.map { number in
                LockedShownNumber(
                    source: number.source, line: number.location.line, column: number.location.column,
                    expression: number.expression, value: number.timing ? nil : number.value.map(LockedNumber.init),
                    text: number.timing ? nil : number.text, timing: number.timing ? true : nil)
            })
    }

    /// A training's histories by Keras name (the empty ones left out).
    static func history(_ outcome: TrainingOutcome) -> [String: [LockedNumber]] {
        let history = outcome.history
        return [
            "loss": history.loss.map(LockedNumber.init),
            "accuracy": history.accuracy.map(LockedNumber.init),
            "val_loss": history.valLoss.map(LockedNumber.init),
            "val_accuracy": history.valAccuracy.map(LockedNumber.init),
        ].filter { !$0.value.isEmpty }
    }

    /// What callbacks change, for trains that list any (other locks keep their bytes): the learning
    /// rate per epoch, and EarlyStopping's stopped and best epochs as one-element series.
    static func callbackHistory(_ outcome: TrainingOutcome) -> [String: [LockedNumber]] {
        let history = outcome.history
        var out = ["learning_rate": history.learningRate.map(LockedNumber.init)]
        if let stopped = history.stoppedEpoch { out["stopped_epoch"] = [LockedNumber(Double(stopped))] }
        if let best = history.bestEpoch { out["best_epoch"] = [LockedNumber(Double(best))] }
        return out.filter { !$0.value.isEmpty }
    }

    /// The top-k accuracy of a train that lists a top-k metric (other locks keep their bytes),
    /// training and validation, under Keras' names (`sparse_top_k_categorical_accuracy`, `val_...`).
    static func topKHistory(_ outcome: TrainingOutcome, metric: MetricName) -> [String: [LockedNumber]] {
        [
            metric.rawValue: outcome.history.topKAccuracy.map(LockedNumber.init),
            "val_" + metric.rawValue: outcome.history.valTopKAccuracy.map(LockedNumber.init),
        ].filter { !$0.value.isEmpty }
    }

    /// The top-k metric of the train an `evaluate` directive evaluates, if it lists one.
    static func topKMetric(evaluating directive: Directive, in notebook: Notebook) -> MetricName? {
        guard case .evaluate(let e) = directive.payload,
            case .train(let train)? = notebook.directive(e.model, kind: .train)?.payload
        else { return nil }
        return train.metrics.first(where: \.isTopK)
    }

    /// Replicate `index + 1` (index ≥ 1) of a replicated directive: `train no_dropout[2]`.
    static func replicateNode(_ directive: Directive, index: Int) -> String {
        "\(Plan.node(directive))[\(index + 1)]"
    }

    /// How many numbers the lock holds (histories, metrics and printed values).
    var numberCount: Int {
        directives.values.reduce(0) { total, directive in
            total + (directive.history?.values.reduce(0) { $0 + $1.count } ?? 0) + (directive.metrics?.count ?? 0)
        } + shown.filter { $0.value != nil }.count
    }
}
