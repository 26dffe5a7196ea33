extension Optimizer {
    /// The learning rate of the next step; setting it changes the spec's rate and nothing else
    /// (moments and the step count stay), as assigning Keras' `optimizer.learning_rate` does.
    var learningRate: Float {
        get { spec.learningRate }
        set { spec.learningRate = newValue }
    }
}

extension OptimizerSpec {
    /// The (constant) learning rate of any optimizer.
    public var learningRate: Float {
        get {
            switch self {
            case .adam(let lr, _, _, _), .sgd(let lr, _, _), .rmsprop(let lr, _, _, _): return lr
            }
        }
        set {
            switch self {
            case .adam(_, let b1, let b2, let eps):
                self = .adam(learningRate: newValue, beta1: b1, beta2: b2, epsilon: eps)
            case .sgd(_, let momentum, let nesterov):
                self = .sgd(learningRate: newValue, momentum: momentum, nesterov: nesterov)
            case .rmsprop(_, let rho, let momentum, let eps):
                self = .rmsprop(learningRate: newValue, rho: rho, momentum: momentum, epsilon: eps)
            }
        }
    }
}
