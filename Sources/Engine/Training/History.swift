/// Metrics of one epoch, as Keras' `History` reports them.
public struct EpochRecord: Codable, Equatable, Sendable {
    /// Running per-sample means over the epoch, each batch measured before its update, dropout on.
    public var loss: Float
    public var accuracy: Float
    /// On the validation rows after the epoch, training=false; nil without validation.
    public var valLoss: Float?
    public var valAccuracy: Float?
    /// Wall time of the epoch (training and validation).
    public var seconds: Double
    /// The learning rate the epoch trained with: Keras' `learning_rate` log (the optimizer's rate
    /// after the epoch, so with a schedule the rate of the next step); nil in results cached before
    /// it was recorded.
    public var learningRate: Float? = nil
    /// Keras' top-k accuracy (``TopK``) when `FitConfig.topK` asks for it: the running mean over
    /// the epoch like `accuracy`, and on the validation rows like `valAccuracy`; nil otherwise.
    public var topKAccuracy: Float? = nil
    public var valTopKAccuracy: Float? = nil

    public init(loss: Float, accuracy: Float, valLoss: Float? = nil, valAccuracy: Float? = nil, seconds: Double) {
        self.loss = loss
        self.accuracy = accuracy
        self.valLoss = valLoss
        self.valAccuracy = valAccuracy
        self.seconds = seconds
    }
}

/// Per-epoch records of a `fit` (Keras `history.history`).
public struct History: Codable, Equatable, Sendable {
    public var epochs: [EpochRecord]
    /// With an `EarlyStopping` callback: the epoch (1-based) after which it stopped training, 0
    /// when training ran every epoch (Keras' `stopped_epoch` + 1, or 0); nil without one.
    public var stoppedEpoch: Int?
    /// With an `EarlyStopping` callback: the epoch (1-based) with the best monitored value, 0 when
    /// no epoch was monitored (Keras' `best_epoch` + 1); nil without one.
    public var bestEpoch: Int?
    public init(epochs: [EpochRecord] = []) { self.epochs = epochs }

    public var loss: [Float] { epochs.map(\.loss) }
    public var accuracy: [Float] { epochs.map(\.accuracy) }
    /// Validation loss per epoch (empty without validation).
    public var valLoss: [Float] { epochs.compactMap(\.valLoss) }
    public var valAccuracy: [Float] { epochs.compactMap(\.valAccuracy) }
    /// The learning rate of each epoch (empty for results cached before it was recorded).
    public var learningRate: [Float] { epochs.compactMap(\.learningRate) }
    /// Top-k accuracy per epoch, training and validation (empty unless the fit recorded it).
    public var topKAccuracy: [Float] { epochs.compactMap(\.topKAccuracy) }
    public var valTopKAccuracy: [Float] { epochs.compactMap(\.valTopKAccuracy) }
}

/// Progress reported by `fit`; epochs and steps are 1-based.
public enum TrainingEvent: Sendable {
    case epochBegan(epoch: Int, of: Int, steps: Int)
    /// Running means so far in the epoch.
    case batchEnded(epoch: Int, step: Int, steps: Int, loss: Float, accuracy: Float)
    case epochEnded(epoch: Int, record: EpochRecord)
}

/// Result of `Model.evaluate`.
public struct Evaluation: Equatable, Sendable {
    /// Per-sample mean loss.
    public var loss: Float
    public var accuracy: Float
    /// argmax of the output per sample.
    public var predictions: [Int32]
    /// Keras' top-k accuracy (``TopK``) when `evaluate` was given `topK` > 0.
    public var topKAccuracy: Float? = nil
}

/// One row of a Keras-style `model.summary()`.
public struct SummaryRow: Equatable, Sendable {
    /// e.g. "conv2d (Conv2D)", "dense_1 (Dense)".
    public let name: String
    /// e.g. "(None, 26, 26, 32)".
    public let outputShape: String
    public let parameters: Int
    public init(name: String, outputShape: String, parameters: Int) {
        self.name = name
        self.outputShape = outputShape
        self.parameters = parameters
    }
}
