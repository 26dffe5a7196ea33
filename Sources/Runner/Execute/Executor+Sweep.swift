import Engine
import Foundation
import NotebookFormat

extension Executor {
    /// A sweep: for each replicate of its train, one unit per point, each cached under its own key
    /// (the train replicate's key, the setting and the value). Every point of replicate i starts
    /// from the seed of the train's replicate i, so within a replicate the points differ only in
    /// the setting; a point equal to the train itself reuses that replicate's result. Replicate 1
    /// keeps the keys and seeds of an unreplicated sweep.
    func sweep(
        _ decl: SweepDecl, directive: Directive, context: UnitContext, partial: inout RunResults.Partial
    ) throws -> [SweepOutcome] {
        guard let trainDirective = notebook.directive(decl.train, kind: .train) else {
            preconditionFailure("train `\(decl.train)` has not run")
        }
        let (train, replicates) = try training(decl.train, in: partial)
        let trainKeys = replicateKeys(of: "train \(decl.train)", in: partial)
        let built = try model(train.model, in: partial)
        let data = try dataset(train.data, in: partial)
        let plans = replicates.indices.map { index -> [SweepPointUnit] in
            decl.values.map { value -> SweepPointUnit in
                let (spec, config) = FitSettings.sweepPoint(
                    decl.vary, value: value, spec: built.spec, train: train, threads: context.threads)
                let same =
                    spec == built.spec && config.epochs == train.epochs && config.batchSize == train.batchSize
                    && config.optimizer == FitSettings.optimizer(train.optimizer)
                return SweepPointUnit(
                    key: CacheKey.unit([
                        "nbrun-sweep-point/1", "train=\(trainKeys[index])", "vary=\(decl.vary.rawValue)",
                        "value=\(value.map { "\($0)" }.joined(separator: ","))",
                    ]), value: value, spec: spec, config: config,
                    seed: seed(for: trainDirective, replicate: index + 1), train: data.train, test: data.test,
                    reuse: same ? replicates[index] : nil)
            }
        }
        let cachedPoints = plans.map { $0.map(cached) }
        let total = plans.count * decl.values.count
        let missing = cachedPoints.reduce(0) { $0 + $1.filter { $0 == nil }.count }
        return try runReplicates(
            of: directive, following: trainKeys, context: context, partial: &partial,
            counts: (total - missing, total), allCached: missing == 0, noun: "points",
            units: { index in plans[index].enumerated().map { ($1, cachedPoints[index][$0]) } },
            note: { unit in
                ("\(decl.vary.rawValue) = \(unit.value.map { String(format: "%g", $0) }.joined(separator: " / "))", [])
            },
            outcome: { _, points in SweepOutcome(vary: decl.vary, points: points) })
    }
}
