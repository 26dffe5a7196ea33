import Foundation

/// Arguments of `Model.fit`, named and defaulted as Keras' `compile` + `fit`.
public struct FitConfig: Sendable {
    public var optimizer: OptimizerSpec
    public var loss: LossKind
    public var epochs: Int
    public var batchSize: Int
    /// Fraction of rows, taken from the END before any shuffling, held out for validation (Keras).
    public var validationSplit: Float
    /// Re-permute the training rows every epoch.
    public var shuffle: Bool
    /// The most threads to use (each step uses this many or one, whichever is measured faster);
    /// results are identical for any value.
    public var threads: Int
    /// Keras' `callbacks=[...]`, run after each epoch in this order (`TrainingCallback`).
    public var callbacks: [CallbackSpec] = []
    /// A learning-rate schedule replacing the optimizer's constant rate (Keras' `learning_rate=`
    /// a `LearningRateSchedule`); nil keeps the constant.
    public var learningRateSchedule: LearningRateSchedule? = nil
    /// The k of Keras' top-k accuracy recorded per epoch (`EpochRecord.topKAccuracy`); 0 records none.
    public var topK: Int = 0

    public init(
        optimizer: OptimizerSpec = .kerasAdam, loss: LossKind = .sparseCategoricalCrossentropy,
        epochs: Int = 1, batchSize: Int = 32, validationSplit: Float = 0, shuffle: Bool = true,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.optimizer = optimizer
        self.loss = loss
        self.epochs = epochs
        self.batchSize = batchSize
        self.validationSplit = validationSplit
        self.shuffle = shuffle
        self.threads = threads
    }

    /// Number of training rows Keras keeps for `count` rows: floor(count * (1 - split)), with the
    /// split read as the decimal the user wrote (0.2, not Float(0.2) = 0.2000000030) so that
    /// 60,000 rows give 48,000, as in Python.
    public static func trainingRows(count: Int, validationSplit: Float) -> Int {
        guard validationSplit > 0 else { return count }
        let split = Double("\(validationSplit)") ?? Double(validationSplit)
        return Int((Double(count) * (1.0 - split)).rounded(.down))
    }
}
