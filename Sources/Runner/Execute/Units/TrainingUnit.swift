import Engine
import Foundation

/// Trains a model with Keras' `fit()` semantics (docs/keras-semantics.md): weights drawn from the
/// directive's seed, then the same generator shuffles and drops out. With a cache it checkpoints
/// every epoch and resumes an interrupted training (``Model/fitCheckpointed(_:config:generator:key:context:)``);
/// its seconds then count the resumed epochs' time too.
struct TrainingUnit: ExecutionUnit {
    static let isTask = true
    let key: String
    let spec: ModelSpec
    let config: FitConfig
    let seed: UInt64
    let samples: Samples

    func run(in context: UnitContext) throws -> TrainingOutcome {
        var generator = SeededGenerator(seed: seed)
        let model = try Model(spec: spec, generator: &generator)
        let started = Date()
        let (history, resumedSeconds) = try model.fitCheckpointed(
            samples, config: config, generator: &generator, key: key, context: context)
        if let note = EarlyStopNote.text(history, config: config) { context.note(note) }
        return TrainingOutcome(
            history: history, seconds: Date().timeIntervalSince(started) + resumedSeconds,
            parameterCount: model.parameterCount,
            tensors: model.parameters)
    }
}
