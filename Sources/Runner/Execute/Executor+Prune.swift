import Engine
import Foundation
import NotebookFormat

extension Executor {
    /// A prune: the dense baseline (cached under the train's key) and one unit per sparsity level,
    /// each cached under its own key (the train's key, method, scope, fine-tuning, latency
    /// settings, the level and the directive's seed), so adding a level computes only that level.
    func prune(
        _ decl: PruneDecl, directive: Directive, context: UnitContext, partial: inout RunResults.Partial
    ) throws -> PruneOutcome {
        let started = Date()
        let step = context.step
        guard let trainKey = partial.keys["train \(decl.model)"] else { preconditionFailure("train has not run") }
        let (train, replicates) = try training(decl.model, in: partial)
        let trained = replicates[0]  // prune and sweep use replicate 1 (not replicated yet)
        let spec = try model(train.model, in: partial).spec
        let data = try dataset(train.data, in: partial)
        guard let scope = PruningScope(rawValue: decl.scope) else {
            preconditionFailure("pruning scope `\(decl.scope)` passed the check")
        }
        let baselineUnit = PruneBaselineUnit(
            key: CacheKey.unit(["nbrun-prune-baseline/1", "train=\(trainKey)"]), spec: spec,
            weights: trained.tensors, test: data.test)
        let cachedBaseline = cached(baselineUnit)
        // The level units need the baseline's numbers; the keys do not, so they are known first.
        let levelKeys = decl.sparsity.map { levelKey(decl, directive: directive, trainKey: trainKey, sparsity: $0) }
        let cachedLevels = levelKeys.map { options.useCache ? cache.read(PruneLevel.self, key: $0) : nil }
        let missing = cachedLevels.filter { $0 == nil }.count
        if cachedBaseline != nil, missing == 0 {
            partial.cachedNodes.insert(step.name)
            events.send(.directiveCached(step))
        } else {
            let done = decl.sparsity.count - missing
            events.send(
                .directiveStarted(step, detail: done > 0 ? "\(done) of \(decl.sparsity.count) levels cached" : nil))
        }
        var baseline = try cachedBaseline ?? compute(baselineUnit, context: context)
        baseline.weights = trained.tensors
        baseline.kernelTensors = try Model.restored(spec: spec, weights: trained.tensors).prunableParameterIndices
        let units = decl.sparsity.enumerated().map { index, sparsity in
            PruneLevelUnit(
                key: levelKeys[index], spec: spec, weights: trained.tensors, sparsity: sparsity, scope: scope,
                fineTune: decl.fineTune.map { fineTune in
                    PruneLevelUnit.FineTune(
                        config: FitSettings.fineTune(fineTune, train: train, threads: context.threads),
                        seed: CacheKey.derivedSeed("nbrun-prune-seed/1|\(seed(for: directive))|\(sparsity)"),
                        gradual: fineTune.schedule == "gradual"
                            ? (fineTune.initialSparsity, fineTune.ramp, fineTune.frequency) : nil)
                }, train: data.train, test: data.test, latencyBatch: decl.latencyBatch,
                latencyRuns: decl.latencyRuns, prunable: baseline.prunable, sizeDense: baseline.sizeDense)
        }
        let levels = try computeAll(Array(zip(units, cachedLevels)), context: context) { unit in
            context.note("sparsity \(String(format: "%g%%", unit.sparsity * 100)) (\(decl.scope))")
        }
        return PruneOutcome(
            baseline: baseline, levels: levels, seconds: Date().timeIntervalSince(started),
            fineTuneEpochs: decl.fineTune?.epochs)
    }

    private func levelKey(_ decl: PruneDecl, directive: Directive, trainKey: String, sparsity: Double) -> String {
        var parts = [
            "nbrun-prune-level/1", "train=\(trainKey)", "method=\(decl.method)", "scope=\(decl.scope)",
            "sparsity=\(sparsity)", "seed=\(seed(for: directive))", "numerics=\(RunnerInfo.numericsVersion)",
            "latency=\(decl.latencyBatch),\(decl.latencyRuns)",
        ]
        if let t = decl.fineTune {
            parts.append(
                "fine_tune=\(t.epochs),\(t.learningRate.map { "\($0)" } ?? "-"),\(t.batchSize.map(String.init) ?? "-"),"
                    + "\(t.schedule),\(t.initialSparsity),\(t.ramp),\(t.frequency)")
        }
        return CacheKey.unit(parts)
    }
}
