import Engine
import Foundation
import NotebookFormat

extension Executor {
    /// A sweep: one unit per point, each cached under its own key (the train's key, the setting
    /// and the value). Every point starts from the train's seed, so the points differ only in the
    /// setting; a point equal to the train itself reuses its result.
    func sweep(_ decl: SweepDecl, context: UnitContext, partial: inout RunResults.Partial) throws -> SweepOutcome {
        let step = context.step
        guard let trainKey = partial.keys["train \(decl.train)"],
            let trainDirective = notebook.directive(decl.train, kind: .train)
        else { preconditionFailure("train `\(decl.train)` has not run") }
        let (train, replicates) = try training(decl.train, in: partial)
        let trained = replicates[0]  // prune and sweep use replicate 1 (not replicated yet)
        let built = try model(train.model, in: partial)
        let data = try dataset(train.data, in: partial)
        let units = decl.values.map { value -> SweepPointUnit in
            let (spec, config) = FitSettings.sweepPoint(
                decl.vary, value: value, spec: built.spec, train: train, threads: context.threads)
            let same =
                spec == built.spec && config.epochs == train.epochs && config.batchSize == train.batchSize
                && config.optimizer == FitSettings.optimizer(train.optimizer)
            return SweepPointUnit(
                key: CacheKey.unit([
                    "nbrun-sweep-point/1", "train=\(trainKey)", "vary=\(decl.vary.rawValue)",
                    "value=\(value.map { "\($0)" }.joined(separator: ","))",
                ]), value: value, spec: spec, config: config, seed: seed(for: trainDirective), train: data.train,
                test: data.test, reuse: same ? trained : nil)
        }
        let cachedPoints = units.map(cached)
        let missing = cachedPoints.filter { $0 == nil }.count
        if missing == 0 {
            partial.cachedNodes.insert(step.name)
            events.send(.directiveCached(step))
        } else {
            let done = units.count - missing
            events.send(.directiveStarted(step, detail: done > 0 ? "\(done) of \(units.count) points cached" : nil))
        }
        let points = try computeAll(Array(zip(units, cachedPoints)), context: context) { unit in
            context.note(
                "\(decl.vary.rawValue) = \(unit.value.map { String(format: "%g", $0) }.joined(separator: " / "))")
        }
        return SweepOutcome(vary: decl.vary, points: points)
    }
}
