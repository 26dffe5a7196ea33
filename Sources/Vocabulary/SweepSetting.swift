/// The training settings a `sweep` can vary, by the name a notebook writes after `vary:`.
public enum SweepSetting: String, Sendable, CaseIterable {
    /// The model's Dropout rates: one rate for every Dropout layer, or one per layer in order.
    case rate
    case learningRate = "learning_rate"
    case epochs
    case batchSize = "batch_size"
}
