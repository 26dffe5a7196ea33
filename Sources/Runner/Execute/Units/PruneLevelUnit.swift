import Datasets
import Engine
import Foundation

/// One sparsity level of a prune: magnitude-prune the trained weights, evaluate, fine-tune with
/// the masks held (or along a gradual schedule from the dense weights), evaluate again, and
/// measure weights left, file sizes and inference latency.
///
/// With a cache the fine-tuning checkpoints every epoch (``PrunedFitCheckpoint``: the fit's state
/// and the masks) and resumes an interrupted level with the same bits
/// (``UnitContext/checkpointedFit(key:epochs:resumable:fit:)``); the level's seconds then count the
/// resumed epochs' time too. The one-shot evaluation before it is recomputed (it is cheap and exact).
struct PruneLevelUnit: ExecutionUnit {
    static let isTask = true
    /// How a level is fine-tuned: the fit settings and, for `schedule: gradual`, the schedule's shape.
    struct FineTune {
        let config: FitConfig
        /// The generator of the fine-tuning (shuffling, dropout).
        let seed: UInt64
        let gradual: (initialSparsity: Double, ramp: Double, frequency: Int)?
    }

    let key: String
    let spec: ModelSpec
    /// The trained (dense) weights.
    let weights: [[Float]]
    let sparsity: Double
    let scope: PruningScope
    let fineTune: FineTune?
    let train: Samples
    let test: Samples
    let latencyBatch: Int
    let latencyRuns: Int
    /// Kernel weights of the dense model, and the size of its file (for the notes).
    let prunable: Int
    let sizeDense: Int

    func run(in context: UnitContext) throws -> PruneLevel {
        let started = Date()
        let model = try Model.restored(spec: spec, weights: weights)
        let masks = model.magnitudeMasks(sparsity: sparsity, scope: scope)
        model.applyMasks(masks)
        let oneShot = model.evaluate(test, batchSize: 1000, threads: context.threads)
        context.note("pruned: test accuracy \(ProgressBar.fixed(oneShot.accuracy))")
        var level = PruneLevel(
            sparsity: sparsity, achievedSparsity: 0, accuracy: oneShot.accuracy, loss: oneShot.loss,
            nonzero: [], sizeSparse: 0, sizeSparseZlib: 0, sizeMaskedZlib: 0,
            latency: LatencyMeasurement(
                batch: 0, runs: 0, denseMilliseconds: 0, sparseMilliseconds: 0,
                denseLayerMilliseconds: 0, sparseLayerMilliseconds: 0),
            seconds: 0)
        var fineTuneResumedSeconds = 0.0
        if let fineTune {
            var generator = SeededGenerator(seed: fineTune.seed)
            let config = fineTune.config
            var schedule: GradualSchedule?
            var start = masks
            if let gradual = fineTune.gradual {
                // Start again from the dense weights; the schedule removes weights step by step.
                model.parameters = weights
                start = PruningMasks.keepAll(
                    shapes: model.parameters.map(\.count), prunable: model.prunableParameterIndices)
                let rows = FitConfig.trainingRows(count: train.count, validationSplit: config.validationSplit)
                let steps = config.epochs * ((rows + config.batchSize - 1) / config.batchSize)
                schedule = GradualSchedule(
                    initialSparsity: min(gradual.initialSparsity, sparsity), finalSparsity: sparsity,
                    beginStep: 0, endStep: max(0, Int((gradual.ramp * Double(steps)).rounded()) - 1),
                    frequency: gradual.frequency)
            }
            let (result, resumedSeconds) = try context.checkpointedFit(
                key: key, epochs: config.epochs,
                resumable: { (checkpoint: PrunedFitCheckpoint) in
                    try model.checkResumable(checkpoint, data: train, config: config, masks: start)
                }
            ) { checkpoint, save, progress in
                try model.fitPruned(
                    train, config: config, masks: start, schedule: schedule, scope: scope, generator: &generator,
                    resumingFrom: checkpoint, checkpoint: save, progress: progress)
            }
            fineTuneResumedSeconds = resumedSeconds
            let tuned = model.evaluate(test, batchSize: 1000, threads: context.threads)
            level.accuracyFinetuned = tuned.accuracy
            level.lossFinetuned = tuned.loss
            level.fineTuneHistory = result.history
            context.note("fine-tuned: test accuracy \(ProgressBar.fixed(tuned.accuracy))")
        }
        let final = model.parameters
        let kernels = model.prunableParameterIndices
        level.nonzero = kernels.map { index in final[index].reduce(0) { $0 + ($1 != 0 ? 1 : 0) } }
        level.achievedSparsity = 1 - Double(level.nonzero.reduce(0, +)) / Double(max(prunable, 1))
        let file = SparseModelFile.encode(parameters: final, shapes: model.parameterShapes, sparseCandidates: kernels)
        level.sizeSparse = file.count
        level.sizeSparseZlib = try Zlib.compress(file).count
        level.sizeMaskedZlib = try Zlib.compress(
            SparseModelFile.encode(parameters: final, shapes: model.parameterShapes, sparseCandidates: [])
        ).count
        level.latency = SparseInference(model: model).measureLatency(test, batch: latencyBatch, runs: latencyRuns)
        context.note(
            "size \(file.count) bytes (dense \(sizeDense)); latency sparse "
                + "\(String(format: "%.1f", level.latency.sparseMilliseconds)) ms, "
                + "dense \(String(format: "%.1f", level.latency.denseMilliseconds)) ms")
        level.tensors = final
        level.seconds = Date().timeIntervalSince(started) + fineTuneResumedSeconds
        return level
    }
}
