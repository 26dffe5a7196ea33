import Engine

/// A `prune` directive's results: the dense baseline and one entry per sparsity level.
struct PruneOutcome {
    let baseline: PruneBaseline
    let levels: [PruneLevel]
    /// Wall-clock seconds of this run of the directive (cached levels take none).
    let seconds: Double
    /// Epochs of fine-tuning per level (nil without `fine_tune`).
    let fineTuneEpochs: Int?
    /// Whether the levels were fine-tuned.
    var fineTuned: Bool { fineTuneEpochs != nil }
}

/// The unpruned model: its test metrics and file sizes (cached on its own).
struct PruneBaseline: CachedOutcome {
    static let fileName = "baseline.json"
    /// Keras names of the prunable layers (those with a kernel), in order.
    var layerNames: [String]
    /// Kernel weights per prunable layer.
    var layerSizes: [Int]
    var params: Int
    /// Kernel weights (what pruning may remove).
    var prunable: Int
    var accuracy: Float
    var loss: Float
    /// Bytes of the dense float32 file (`SparseModelFile` with every tensor dense) and zlib of it.
    var sizeDense: Int
    var sizeDenseZlib: Int
    /// The trained weights (kept out of the JSON and out of the entry: they are the train's).
    var weights: [[Float]] = []
    /// Positions in `weights` of the kernels (the tensors pruning may thin out), by layer.
    var kernelTensors: [Int] = []

    enum CodingKeys: String, CodingKey {
        case layerNames, layerSizes, params, prunable, accuracy, loss, sizeDense, sizeDenseZlib
    }
}

/// One sparsity level of a prune: accuracy before and after fine-tuning, weights left, file size
/// and inference time.
struct PruneLevel: CachedOutcome {
    static let fileName = "level.json"
    static let hasTensors = true

    var sparsity: Double
    /// Fraction of kernel weights that are zero at the end (equals `sparsity` up to rounding).
    var achievedSparsity: Double
    /// Test metrics right after pruning, without retraining.
    var accuracy: Float
    var loss: Float
    /// Test metrics after fine-tuning with the masks held (nil without `fine_tune`).
    var accuracyFinetuned: Float?
    var lossFinetuned: Float?
    var fineTuneHistory: History?
    /// Non-zero kernel weights per prunable layer, at the end.
    var nonzero: [Int]
    /// Bytes of the sparse file (CSR kernels) and zlib of it.
    var sizeSparse: Int
    var sizeSparseZlib: Int
    /// zlib of the dense file of the pruned weights: what a general compressor makes of the zeros.
    var sizeMaskedZlib: Int
    var latency: LatencyMeasurement
    /// Wall-clock seconds of the level when it ran (never in the lock).
    var seconds: Double
    /// The final weights (kept out of the JSON).
    var tensors: [[Float]] = []

    enum CodingKeys: String, CodingKey {
        case sparsity, achievedSparsity, accuracy, loss, accuracyFinetuned, lossFinetuned, fineTuneHistory, nonzero,
            sizeSparse, sizeSparseZlib, sizeMaskedZlib, latency, seconds
    }
}
