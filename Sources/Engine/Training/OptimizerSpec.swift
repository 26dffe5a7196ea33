/// An optimizer with Keras 3's update rules and argument names.
public enum OptimizerSpec: Equatable, Sendable {
    case adam(learningRate: Float, beta1: Float, beta2: Float, epsilon: Float)
    case sgd(learningRate: Float, momentum: Float, nesterov: Bool)
    case rmsprop(learningRate: Float, rho: Float, momentum: Float, epsilon: Float)
    /// Adam with decoupled weight decay (Loshchilov & Hutter 2019, Keras 3 `AdamW`).
    case adamW(learningRate: Float, weightDecay: Float, beta1: Float, beta2: Float, epsilon: Float)

    /// `optimizer='adam'`: lr 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7.
    public static let kerasAdam = OptimizerSpec.adam(learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7)
    /// `optimizer='sgd'`: lr 0.01, no momentum.
    public static let kerasSGD = OptimizerSpec.sgd(learningRate: 0.01, momentum: 0, nesterov: false)
    /// `optimizer='rmsprop'`: lr 0.001, rho 0.9, momentum 0, epsilon 1e-7.
    public static let kerasRMSprop = OptimizerSpec.rmsprop(learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7)
    /// `optimizer='adamw'`: lr 0.001, weight_decay 0.004, beta_1 0.9, beta_2 0.999, epsilon 1e-7.
    public static let kerasAdamW = OptimizerSpec.adamW(
        learningRate: 0.001, weightDecay: 0.004, beta1: 0.9, beta2: 0.999, epsilon: 1e-7)

    /// The constant learning rate (used when no schedule is given).
    public var learningRate: Float {
        switch self {
        case .adam(let lr, _, _, _), .sgd(let lr, _, _), .rmsprop(let lr, _, _, _), .adamW(let lr, _, _, _, _):
            return lr
        }
    }
}
