import Foundation

extension Model {
    /// Fine-tunes a pruned model: Keras `fit` semantics (see `fit`), with the masks held so that
    /// pruned weights stay exactly zero: the masked-out weights are zeroed before the first step and
    /// after every optimizer step (as TF-MOT's `UpdatePruningStep` and PyTorch's forward pre-hook
    /// `w = w_orig * mask` keep them at zero).
    ///
    /// With a `schedule` (Zhu & Gupta 2017) the masks are recomputed before step t whenever
    /// `schedule.updatesMask(atStep: t)`, from the current weights' magnitudes at sparsity
    /// `schedule.sparsity(atStep: t)` over the tensors that `masks` covers, with `scope`. Steps are
    /// counted from 0 over the whole call. Returns the history and the final masks.
    public func fitPruned(
        _ data: Samples, config: FitConfig, masks: PruningMasks, schedule: GradualSchedule? = nil,
        scope: PruningScope = .global, generator: inout SeededGenerator,
        progress: (TrainingEvent) -> Void = { _ in }
    ) throws -> (history: History, masks: PruningMasks) {
        try trainMasked(
            data, config: config, masks: masks, schedule: schedule, scope: scope, generator: &generator,
            progress: progress, resume: nil, checkpoint: nil)
    }

    /// The loop of `fitPruned`, resumable: `train` with the mask hooks, starting from `masks`;
    /// `checkpoint` gets each epoch's fit state with the masks in force after it.
    func trainMasked(
        _ data: Samples, config: FitConfig, masks: PruningMasks, schedule: GradualSchedule?, scope: PruningScope,
        generator: inout SeededGenerator, progress: (TrainingEvent) -> Void, resume: FitCheckpoint?,
        checkpoint: ((PrunedFitCheckpoint) throws -> Void)?
    ) throws -> (history: History, masks: PruningMasks) {
        precondition(masks.masks.count == network.parameters.count, "one mask entry per weight tensor")
        let prunable = masks.prunableIndices
        var current = masks
        var applier = MaskApplier(masks: current, parameters: network.parameters)
        applier.apply()
        let history = try train(
            data, config: config, generator: &generator, progress: progress,
            beforeStep: { step in
                guard let schedule, schedule.updatesMask(atStep: step) else { return }
                current = MagnitudePruning.masks(
                    parameters: parameters, prunable: prunable,
                    sparsity: schedule.sparsity(atStep: step), scope: scope)
                applier = MaskApplier(masks: current, parameters: network.parameters)
                applier.apply()
            },
            afterStep: {
                applier.apply()
            }, resume: resume,
            checkpoint: checkpoint.map { save in { fit in try save(PrunedFitCheckpoint(fit: fit, masks: current)) } })
        return (history, current)
    }
}
