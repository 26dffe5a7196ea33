import Engine

/// A training run: per-epoch history, wall-clock time, and the trained weights.
struct TrainingOutcome: CachedOutcome {
    static let fileName = "training.json"
    static let hasTensors = true

    var history: History
    /// Wall-clock seconds of the training when it ran (kept with the cached result; never in the lock).
    var seconds: Double
    var parameterCount: Int
    /// The trained weights (kept out of the JSON).
    var tensors: [[Float]] = []

    enum CodingKeys: String, CodingKey { case history, seconds, parameterCount }
}
