import Vocabulary

/// A callback of `fit` with its Keras arguments; `fit` builds a fresh instance from it per run.
public enum CallbackSpec: Equatable, Sendable {
    case earlyStopping(EarlyStopping.Settings)
    case reduceLROnPlateau(ReduceLROnPlateau.Settings)

    func make() -> TrainingCallback {
        switch self {
        case .earlyStopping(let settings): return EarlyStopping(settings)
        case .reduceLROnPlateau(let settings): return ReduceLROnPlateau(settings)
        }
    }
}
