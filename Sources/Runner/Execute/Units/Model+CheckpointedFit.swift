import Engine

extension Model {
    /// `fit` for a unit keyed `key`, checkpointed every epoch and resumed from the unit's usable
    /// checkpoint (``UnitContext/checkpointedFit(key:epochs:resumable:fit:)``, ``FitCheckpoint``).
    /// Returns the history and the seconds the resumed epochs took.
    func fitCheckpointed(
        _ samples: Samples, config: FitConfig, generator: inout SeededGenerator, key: String, context: UnitContext
    ) throws -> (history: History, resumedSeconds: Double) {
        let (history, seconds) = try context.checkpointedFit(
            key: key, epochs: config.epochs,
            resumable: { (checkpoint: FitCheckpoint) in
                try checkResumable(checkpoint, data: samples, config: config)
            }
        ) { start, save, progress in
            guard let save else { return try fit(samples, config: config, generator: &generator, progress: progress) }
            return try fit(
                samples, config: config, generator: &generator, resumingFrom: start, checkpoint: save,
                progress: progress)
        }
        return (history, seconds)
    }
}
