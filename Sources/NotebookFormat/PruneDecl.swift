/// A `prune` directive: magnitude pruning of a trained model's kernels at several sparsities,
/// each optionally fine-tuned with the masks held, measured for accuracy, size and latency.
public struct PruneDecl: Equatable, Sendable {
    /// A train id.
    public var model: String
    /// Only "magnitude" (|w| smallest first; Han et al. 2015).
    public var method: String = "magnitude"
    /// "global" (one threshold over all kernels) or "layer" (the same fraction of each kernel).
    public var scope: String = "global"
    /// Target fractions of kernel weights removed, each in [0, 1), in the order written.
    public var sparsity: [Double]
    /// Retraining after pruning; nil = none.
    public var fineTune: FineTuneDecl?
    /// Images per timed forward pass and number of timed passes (the median is reported).
    public var latencyBatch: Int = 1000
    public var latencyRuns: Int = 11

    public init(model: String, sparsity: [Double], scope: String = "global", fineTune: FineTuneDecl? = nil) {
        self.model = model
        self.sparsity = sparsity
        self.scope = scope
        self.fineTune = fineTune
    }
}

/// `fine_tune:` of a `prune`: retraining with the train's optimizer, loss, data and
/// validation split, with the pruning masks held.
public struct FineTuneDecl: Equatable, Sendable {
    public var epochs: Int = 1
    /// nil = one tenth of the train's learning rate (Han et al. 2015 retrain at lr / 10).
    public var learningRate: Double?
    /// nil = the train's batch size.
    public var batchSize: Int?
    /// "one_shot" (prune at once, then retrain) or "gradual" (Zhu & Gupta 2017: the sparsity rises
    /// from `initialSparsity` to the target along a cubic over the first `ramp` of the steps,
    /// masks recomputed every `frequency` steps).
    public var schedule: String = "one_shot"
    public var initialSparsity: Double = 0
    public var ramp: Double = 0.5
    public var frequency: Int = 100

    public init(
        epochs: Int = 1, learningRate: Double? = nil, batchSize: Int? = nil, schedule: String = "one_shot",
        initialSparsity: Double = 0, ramp: Double = 0.5, frequency: Int = 100
    ) {
        self.epochs = epochs
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.schedule = schedule
        self.initialSparsity = initialSparsity
        self.ramp = ramp
        self.frequency = frequency
    }
}
