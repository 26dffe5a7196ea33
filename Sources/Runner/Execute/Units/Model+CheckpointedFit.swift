import Engine

extension Model {
    /// `fit` for a unit keyed `key`: with a cache it saves a checkpoint after every epoch and
    /// starts from the unit's saved checkpoint when there is a usable one (same final bits as a fit
    /// from epoch 1; see ``FitCheckpoint``). After saving any epoch but the last, a raised
    /// ``TimeLimitSignal`` stops the fit with ``TaskPreempted``. Returns the history and the seconds the resumed epochs took.
    func fitCheckpointed(
        _ samples: Samples, config: FitConfig, generator: inout SeededGenerator, key: String, context: UnitContext
    ) throws -> (history: History, resumedSeconds: Double) {
        guard let folder = context.checkpoints else {
            return (try fit(samples, config: config, generator: &generator, progress: context.trainingProgress()), 0)
        }
        var start = folder.load(key: key)
        if let checkpoint = start {
            do {
                try checkResumable(checkpoint, data: samples, config: config)
                context.note("resuming after epoch \(checkpoint.epoch) of \(config.epochs) from its checkpoint")
            } catch {
                folder.discard(key, because: "\(error)")
                start = nil
            }
        }
        let history = try fit(
            samples, config: config, generator: &generator, resumingFrom: start,
            checkpoint: { checkpoint in
                try folder.save(checkpoint, key: key)
                if TimeLimitSignal.shared.isRaised, checkpoint.epoch < config.epochs {
                    throw TaskPreempted(epoch: checkpoint.epoch, epochs: config.epochs)
                }
            }, progress: context.trainingProgress(resumed: start?.history ?? History()))
        return (history, start?.history.epochs.reduce(0) { $0 + $1.seconds } ?? 0)
    }
}
