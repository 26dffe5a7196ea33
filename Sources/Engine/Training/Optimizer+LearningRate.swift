extension Optimizer {
    /// The learning rate of the next step (Keras' `optimizer.learning_rate` between steps); setting
    /// it changes the constant rate and nothing else (moments and the step count stay), as
    /// assigning Keras' `optimizer.learning_rate` does. A scheduled rate cannot be set (Keras
    /// raises a TypeError; the check refuses ReduceLROnPlateau with a schedule).
    var learningRate: Float {
        get { nextRate }
        set {
            precondition(schedule == nil, "the check refuses to set a scheduled learning rate")
            spec = spec.with(learningRate: newValue)
        }
    }
}

extension OptimizerSpec {
    /// The same optimizer with constant rate `rate`.
    public func with(learningRate rate: Float) -> OptimizerSpec {
        switch self {
        case .adam(_, let b1, let b2, let eps): return .adam(learningRate: rate, beta1: b1, beta2: b2, epsilon: eps)
        case .sgd(_, let momentum, let nesterov):
            return .sgd(learningRate: rate, momentum: momentum, nesterov: nesterov)
        case .rmsprop(_, let rho, let momentum, let eps):
            return .rmsprop(learningRate: rate, rho: rho, momentum: momentum, epsilon: eps)
        case .adamW(_, let wd, let b1, let b2, let eps):
            return .adamW(learningRate: rate, weightDecay: wd, beta1: b1, beta2: b2, epsilon: eps)
        }
    }
}
