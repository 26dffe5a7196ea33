/// The metrics a `train` directive can record (Keras `metrics=[...]`).
public enum MetricName: String, Sendable, CaseIterable {
    case accuracy
}

/// One series of a training history (Keras `history.history` keys).
public enum HistoryKey: String, Sendable, CaseIterable {
    case loss, accuracy
    case valLoss = "val_loss"
    case valAccuracy = "val_accuracy"
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
        }
    }

    /// The `val_` counterpart of a training series.
    private var validation: HistoryKey {
        switch self {
        case .loss, .valLoss: return .valLoss
        case .accuracy, .valAccuracy: return .valAccuracy
        case .learningRate: preconditionFailure("the learning rate has no validation counterpart")
        }
    }
}
