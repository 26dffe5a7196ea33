/// The optimizers a `train` directive can name, with the Keras options each takes.
public enum OptimizerName: String, Sendable, CaseIterable {
    case adam, sgd, rmsprop, adamw

    /// Keras' argument names this optimizer accepts besides `name`.
    public var options: [String] {
        switch self {
        case .adam: return ["learning_rate", "beta_1", "beta_2", "epsilon"]
        case .sgd: return ["learning_rate", "momentum", "nesterov"]
        case .rmsprop: return ["learning_rate", "rho", "momentum", "epsilon"]
        case .adamw: return ["learning_rate", "weight_decay", "beta_1", "beta_2", "epsilon"]
        }
    }

    /// Keras 3's default learning rate: 0.01 for SGD, 0.001 for Adam and RMSprop.
    public var defaultLearningRate: Double {
        switch self {
        case .sgd: return 0.01
        case .adam, .rmsprop, .adamw: return 0.001
        }
    }
}
