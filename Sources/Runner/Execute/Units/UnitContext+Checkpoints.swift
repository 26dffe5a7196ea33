import Engine

extension UnitContext {
    /// Runs the fit of the unit keyed `key` with a checkpoint after every epoch, starting from the
    /// unit's saved checkpoint when there is a usable one (same final bits as a fit from epoch 1).
    ///
    /// `fit` gets the checkpoint to resume from, the hook to hand each epoch's checkpoint to, and
    /// the progress callback. The hook saves the checkpoint (``CheckpointFolder``); after saving
    /// any epoch but the last, a raised ``TimeLimitSignal`` stops the fit with ``TaskPreempted``. A
    /// checkpoint that `resumable` refuses (another model, data or config) is warned about, removed
    /// and not used. Without a cache `fit` gets neither a checkpoint nor a hook. Returns `fit`'s
    /// result and the seconds the resumed epochs took.
    func checkpointedFit<Checkpoint: CheckpointPayload, Result>(
        key: String, epochs: Int, resumable: (Checkpoint) throws -> Void,
        fit: (
            _ start: Checkpoint?, _ save: ((Checkpoint) throws -> Void)?, _ progress: @escaping (TrainingEvent) -> Void
        ) throws -> Result
    ) throws -> (result: Result, resumedSeconds: Double) {
        guard let folder = checkpoints else { return (try fit(nil, nil, trainingProgress()), 0) }
        var start = folder.load(Checkpoint.self, key: key)
        if let checkpoint = start {
            do {
                try resumable(checkpoint)
                note("resuming after epoch \(checkpoint.epoch) of \(epochs) from its checkpoint")
            } catch {
                folder.discard(Checkpoint.self, key: key, because: "\(error)")
                start = nil
            }
        }
        let result = try fit(
            start,
            { checkpoint in
                try folder.save(checkpoint, key: key)
                if TimeLimitSignal.shared.isRaised, checkpoint.epoch < epochs {
                    throw TaskPreempted(epoch: checkpoint.epoch, epochs: epochs)
                }
            }, trainingProgress(resumed: start?.history ?? History()))
        return (result, start?.history.epochs.reduce(0) { $0 + $1.seconds } ?? 0)
    }
}
