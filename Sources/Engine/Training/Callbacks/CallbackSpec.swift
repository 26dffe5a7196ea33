import Vocabulary

/// A callback of `fit` with its Keras arguments; `fit` builds a fresh instance from it per run.
public enum CallbackSpec: Equatable, Sendable {
    case earlyStopping(EarlyStopping.Settings)
    case reduceLROnPlateau(ReduceLROnPlateau.Settings)

    /// Whether the callback holds weights of its own between epochs (EarlyStopping's
    /// `restore_best_weights`), which a checkpoint does not save.
    public var keepsWeights: Bool {
        if case .earlyStopping(let settings) = self { return settings.restoreBestWeights }
        return false
    }

    func make() -> TrainingCallback {
        switch self {
        case .earlyStopping(let settings): return EarlyStopping(settings)
        case .reduceLROnPlateau(let settings): return ReduceLROnPlateau(settings)
        }
    }
}
