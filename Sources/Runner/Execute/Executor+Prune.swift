import Engine
import Foundation
import NotebookFormat

extension Executor {
    /// A prune: for each replicate of its train, the dense baseline (cached under that replicate's
    /// key) and one unit per sparsity level, each cached under its own key (the train replicate's
    /// key, method, scope, fine-tuning, latency settings, the level and the replicate's seed), so
    /// adding a level computes only that level and raising `seeds` only the new replicates.
    /// Replicate 1 keeps the keys and seeds of an unreplicated prune (`seeds: 1` is today's run).
    func prune(
        _ decl: PruneDecl, directive: Directive, context: UnitContext, partial: inout RunResults.Partial
    ) throws -> [PruneOutcome] {
        let (train, replicates) = try training(decl.model, in: partial)
        let trainKeys = replicateKeys(of: "train \(decl.model)", in: partial)
        let spec = try model(train.model, in: partial).spec
        let data = try dataset(train.data, in: partial)
        guard let scope = PruningScope(rawValue: decl.scope) else {
            preconditionFailure("pruning scope `\(decl.scope)` passed the check")
        }
        struct Replicate {
            let baselineUnit: PruneBaselineUnit
            let cachedBaseline: PruneBaseline?
            let levelKeys: [String]
            let cachedLevels: [PruneLevel?]
            let seed: UInt64
        }
        let plans = replicates.indices.map { index -> Replicate in
            let trainKey = trainKeys[index]
            let seed = seed(for: directive, replicate: index + 1)
            let unit = PruneBaselineUnit(
                key: CacheKey.unit(["nbrun-prune-baseline/1", "train=\(trainKey)"]), spec: spec,
                weights: replicates[index].tensors, test: data.test)
            // The level units need the baseline's numbers; the keys do not, so they are known first.
            let keys = decl.sparsity.map { levelKey(decl, seed: seed, trainKey: trainKey, sparsity: $0) }
            return Replicate(
                baselineUnit: unit, cachedBaseline: cached(unit), levelKeys: keys,
                cachedLevels: keys.map { options.useCache ? cache.read(PruneLevel.self, key: $0) : nil }, seed: seed)
        }
        let missing = plans.reduce(0) { $0 + $1.cachedLevels.filter { $0 == nil }.count }
        let total = plans.count * decl.sparsity.count
        var baselines: [(baseline: PruneBaseline, started: Date)] = []
        return try runReplicates(
            of: directive, following: trainKeys, context: context, partial: &partial,
            counts: (total - missing, total), allCached: plans.allSatisfy({ $0.cachedBaseline != nil }) && missing == 0,
            noun: "levels",
            units: { index in
                let started = Date()
                let plan = plans[index]
                let trained = replicates[index]
                var baseline = try plan.cachedBaseline ?? compute(plan.baselineUnit, context: context)
                baseline.weights = trained.tensors
                baseline.kernelTensors = try Model.restored(spec: spec, weights: trained.tensors)
                    .prunableParameterIndices
                baselines.append((baseline, started))
                return decl.sparsity.enumerated().map { position, sparsity in
                    let unit = PruneLevelUnit(
                        key: plan.levelKeys[position], spec: spec, weights: trained.tensors, sparsity: sparsity,
                        scope: scope,
                        fineTune: decl.fineTune.map { fineTune in
                            PruneLevelUnit.FineTune(
                                config: FitSettings.fineTune(fineTune, train: train, threads: context.threads),
                                seed: CacheKey.derivedSeed("nbrun-prune-seed/1|\(plan.seed)|\(sparsity)"),
                                gradual: fineTune.schedule == "gradual"
                                    ? (fineTune.initialSparsity, fineTune.ramp, fineTune.frequency) : nil)
                        }, train: data.train, test: data.test, latencyBatch: decl.latencyBatch,
                        latencyRuns: decl.latencyRuns, prunable: baseline.prunable, sizeDense: baseline.sizeDense)
                    return (unit, plan.cachedLevels[position])
                }
            },
            note: { unit in ("sparsity \(String(format: "%g%%", unit.sparsity * 100))", [decl.scope]) },
            outcome: { index, levels in
                PruneOutcome(
                    baseline: baselines[index].baseline, levels: levels,
                    seconds: Date().timeIntervalSince(baselines[index].started), fineTuneEpochs: decl.fineTune?.epochs)
            })
    }

    private func levelKey(_ decl: PruneDecl, seed: UInt64, trainKey: String, sparsity: Double) -> String {
        var parts = [
            "nbrun-prune-level/1", "train=\(trainKey)", "method=\(decl.method)", "scope=\(decl.scope)",
            "sparsity=\(sparsity)", "seed=\(seed)", "numerics=\(RunnerInfo.numericsVersion)",
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
