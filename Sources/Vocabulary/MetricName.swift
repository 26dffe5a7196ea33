/// The metrics a `train` directive can record (Keras `metrics=[...]`), by the name Keras records
/// them under (`history.history` key, `evaluate` result).
public enum MetricName: String, Sendable, CaseIterable {
    case accuracy
    /// Keras' `sparse_top_k_categorical_accuracy` (`SparseTopKCategoricalAccuracy`): the label is
    /// among the k highest outputs, k = 5 by default.
    case sparseTopKCategoricalAccuracy = "sparse_top_k_categorical_accuracy"
    /// Keras' `top_k_categorical_accuracy` (`TopKCategoricalAccuracy`): the same rule for one-hot
    /// labels; nbrun's labels are class indices for both losses, so it gives the same numbers.
    case topKCategoricalAccuracy = "top_k_categorical_accuracy"

    /// True for the top-k accuracies (at most one per train: both record one `k`).
    public var isTopK: Bool { self != .accuracy }

    /// The k of Keras' top-k metrics when not given (`k=5`).
    public static let defaultTopK = 5

    /// Keras' metric class for this name (`SparseTopKCategoricalAccuracy`), nil for `accuracy`
    /// (whose class, `Accuracy`, compares labels with raw outputs and is another metric).
    public var kerasClass: String? {
        switch self {
        case .accuracy: return nil
        case .sparseTopKCategoricalAccuracy: return "SparseTopKCategoricalAccuracy"
        case .topKCategoricalAccuracy: return "TopKCategoricalAccuracy"
        }
    }
}

/// One series of a training history (Keras `history.history` keys).
public enum HistoryKey: String, Sendable, CaseIterable {
    case loss, accuracy
    case valLoss = "val_loss"
    case valAccuracy = "val_accuracy"
    case sparseTopKCategoricalAccuracy = "sparse_top_k_categorical_accuracy"
    case valSparseTopKCategoricalAccuracy = "val_sparse_top_k_categorical_accuracy"
    case topKCategoricalAccuracy = "top_k_categorical_accuracy"
    case valTopKCategoricalAccuracy = "val_top_k_categorical_accuracy"
    /// The learning rate each epoch trained with (Keras 3 logs it as `learning_rate` with
    /// ReduceLROnPlateau; nbrun records it for every train). Not among `recorded`: no callback
    /// monitors it.
    case learningRate = "learning_rate"

    /// The keys Keras records: `loss`, each metric, then the `val_` of each when there is validation data.
    public static func recorded(metrics: [MetricName], validation: Bool) -> [HistoryKey] {
        let base = [HistoryKey.loss] + metrics.map(key(of:))
        return validation ? base + base.map(\.validation) : base
    }

    private static func key(of metric: MetricName) -> HistoryKey {
        switch metric {
        case .accuracy: return .accuracy
        case .sparseTopKCategoricalAccuracy: return .sparseTopKCategoricalAccuracy
        case .topKCategoricalAccuracy: return .topKCategoricalAccuracy
        }
    }

    /// The `val_` counterpart of a training series.
    private var validation: HistoryKey {
        switch self {
        case .loss, .valLoss: return .valLoss
        case .accuracy, .valAccuracy: return .valAccuracy
        case .sparseTopKCategoricalAccuracy, .valSparseTopKCategoricalAccuracy: return .valSparseTopKCategoricalAccuracy
        case .topKCategoricalAccuracy, .valTopKCategoricalAccuracy: return .valTopKCategoricalAccuracy
        case .learningRate: preconditionFailure("the learning rate has no validation counterpart")
        }
    }
}
