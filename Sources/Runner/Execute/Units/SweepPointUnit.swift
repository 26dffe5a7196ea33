import Engine
import Foundation

/// One point of a sweep: train the train's model with one setting changed (from the train's
/// seed, so points differ only in the setting) and evaluate it on the test rows. A point equal to
/// the train itself reuses the train's weights and history instead of training again.
struct SweepPointUnit: ExecutionUnit {
    static let isTask = true
    let key: String
    /// The value(s) set at this point.
    let value: [Double]
    let spec: ModelSpec
    let config: FitConfig
    /// The train directive's seed.
    let seed: UInt64
    let train: Samples
    let test: Samples
    /// The train's own outcome, when this point is the train itself.
    let reuse: TrainingOutcome?

    func run(in context: UnitContext) throws -> SweepPoint {
        let started = Date()
        let model: Model
        let history: History
        if let reuse {
            model = try Model.restored(spec: spec, weights: reuse.tensors)
            history = reuse.history
            context.note("same as the train: reusing its run")
        } else {
            var generator = SeededGenerator(seed: seed)
            model = try Model(spec: spec, generator: &generator)
            history = try model.fitCheckpointed(
                train, config: config, generator: &generator, key: key, context: context
            ).history
        }
        let evaluation = model.evaluate(test, batchSize: 32, threads: context.threads)
        context.note("test accuracy \(ProgressBar.fixed(evaluation.accuracy))")
        return SweepPoint(
            value: value, history: history, testLoss: evaluation.loss, testAccuracy: evaluation.accuracy,
            seconds: Date().timeIntervalSince(started))
    }
}
