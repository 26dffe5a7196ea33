extension Model {
    /// `fitPruned` that hands a ``PrunedFitCheckpoint`` to `checkpoint` after every epoch and can
    /// start from one.
    ///
    /// With `resumingFrom` the masks are the checkpoint's and the fit continues with its next
    /// epoch as ``fit(_:config:generator:resumingFrom:checkpoint:progress:)`` does (a gradual
    /// schedule continues at the step that epoch reached): the weights, history, masks and
    /// generator end with the same bits as an uninterrupted `fitPruned` from the same start.
    /// `masks` must be the masks the interrupted call started with (they fix which tensors are
    /// pruned). Callbacks that keep weights (`restore_best_weights`) cannot resume: with them the
    /// checkpoint is ignored and the fit starts over. Without `checkpoint` nothing is saved.
    public func fitPruned(
        _ data: Samples, config: FitConfig, masks: PruningMasks, schedule: GradualSchedule? = nil,
        scope: PruningScope = .global, generator: inout SeededGenerator, resumingFrom start: PrunedFitCheckpoint?,
        checkpoint: ((PrunedFitCheckpoint) throws -> Void)?, progress: (TrainingEvent) -> Void = { _ in }
    ) throws -> (history: History, masks: PruningMasks) {
        let resumed = config.callbacks.contains(where: \.keepsWeights) ? nil : start
        if let resumed { try checkResumable(resumed, data: data, config: config, masks: masks) }
        return try trainMasked(
            data, config: config, masks: resumed?.masks ?? masks, schedule: schedule, scope: scope,
            generator: &generator, progress: progress, resume: resumed?.fit, checkpoint: checkpoint)
    }

    /// Throws when `checkpoint` was not saved by a `fitPruned` of this model on data of this size
    /// with this config, starting from masks over the same tensors as `masks`.
    public func checkResumable(
        _ checkpoint: PrunedFitCheckpoint, data: Samples, config: FitConfig, masks: PruningMasks
    ) throws {
        try checkResumable(checkpoint.fit, data: data, config: config)
        let counts = network.parameters.map(\.count)
        guard checkpoint.masks.masks.count == counts.count,
            checkpoint.masks.prunableIndices == masks.prunableIndices,
            zip(checkpoint.masks.masks, counts).allSatisfy({ $0.0 == nil || $0.0!.count == $0.1 })
        else { throw TrainingError("the checkpoint's masks do not fit this model's pruned tensors") }
    }
}
