import Vocabulary

/// A `train` directive: Keras `compile` + `fit`.
public struct TrainDecl: Equatable, Sendable {
    /// Model id; defaults to the directive's own id when a model has that id.
    public var model: String
    /// Dataset id.
    public var data: String
    /// Default `rmsprop`, as in Keras `compile()`.
    public var optimizer: OptimizerDecl
    public var loss: LossKind
    public var metrics: [MetricName]
    /// The k of the top-k metric among `metrics` (Keras' default 5 when not written).
    public var topK: Int = MetricName.defaultTopK
    /// Default 1, as in Keras `fit()`.
    public var epochs: Int
    public var batchSize: Int = 32
    /// Fraction taken from the END of the training rows before shuffling (Keras); 0 = none.
    public var validationSplit: Double = 0
    public var shuffle: Bool = true
    /// Independent replicates (`seeds: 5`), 1 ... `maxSeeds`; default 1, today's single run.
    /// Not part of `normalizedBody`: each replicate is keyed by its own index, so raising `seeds`
    /// keeps the keys (and cache entries) of the replicates already trained.
    public var seeds: Int = 1
    /// Keras' `callbacks=[...]` (`EarlyStopping`, `ReduceLROnPlateau`), in the order written.
    public var callbacks: [CallbackDecl] = []

    /// The most replicates one `train` may ask for.
    public static let maxSeeds = 1000

    public init(
        model: String, data: String, optimizer: OptimizerDecl, loss: LossKind, metrics: [MetricName],
        epochs: Int, batchSize: Int = 32, validationSplit: Double = 0, shuffle: Bool = true, seeds: Int = 1
    ) {
        self.model = model
        self.data = data
        self.optimizer = optimizer
        self.loss = loss
        self.metrics = metrics
        self.epochs = epochs
        self.batchSize = batchSize
        self.validationSplit = validationSplit
        self.shuffle = shuffle
        self.seeds = seeds
    }

    /// The `EarlyStopping` callback, if listed (it gives `stopped_epoch` and `best_epoch`).
    public var earlyStopping: CallbackDecl? { callbacks.first { $0.name == .earlyStopping } }

    /// The metrics as the cache key reads them: their names joined by commas, a top-k metric's
    /// `(k=N)` only when N is not Keras' default (so a train without top-k keeps its key).
    public var metricsText: String {
        metrics.map { $0.isTopK && topK != MetricName.defaultTopK ? "\($0.rawValue)(k=\(topK))" : $0.rawValue }
            .joined(separator: ",")
    }

    /// The k to record top-k accuracy with, 0 when no top-k metric is listed (the engine's `topK`).
    public var recordedTopK: Int { metrics.contains(where: \.isTopK) ? topK : 0 }

    /// History series names Keras would record: loss, each metric, then val_ of each when
    /// `validationSplit > 0`.
    public var historyKeys: [HistoryKey] {
        HistoryKey.recorded(metrics: metrics, validation: validationSplit > 0)
    }
}

/// An optimizer with only the options written; nil means Keras' default.
public struct OptimizerDecl: Equatable, Sendable {
    public var name: OptimizerName
    public var learningRate: Double?
    public var momentum: Double?
    public var nesterov: Bool?
    public var beta1: Double?
    public var beta2: Double?
    public var epsilon: Double?
    public var rho: Double?
    /// AdamW's `weight_decay` (Keras default 0.004).
    public var weightDecay: Double?
    /// A schedule written as `learning_rate` (then `learningRate` is nil).
    public var schedule: LearningRateSchedule?

    public init(
        name: OptimizerName, learningRate: Double? = nil, momentum: Double? = nil, nesterov: Bool? = nil,
        beta1: Double? = nil, beta2: Double? = nil, epsilon: Double? = nil, rho: Double? = nil
    ) {
        self.name = name
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.rho = rho
    }
}
