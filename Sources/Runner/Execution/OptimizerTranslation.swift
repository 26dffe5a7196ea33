import Engine
import NotebookFormat

/// The engine optimizer for a notebook's `optimizer:`, with Keras' defaults for what is not given
/// (Keras 3: Adam lr 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7; SGD lr 0.01, momentum 0;
/// RMSprop lr 0.001, rho 0.9, momentum 0, epsilon 1e-7).
enum OptimizerTranslation {
    static func spec(for decl: OptimizerDecl) -> OptimizerSpec {
        switch decl.name {
        case "sgd":
            return .sgd(
                learningRate: Float(decl.learningRate ?? 0.01), momentum: Float(decl.momentum ?? 0),
                nesterov: decl.nesterov ?? false)
        case "rmsprop":
            return .rmsprop(
                learningRate: Float(decl.learningRate ?? 0.001), rho: Float(decl.rho ?? 0.9),
                momentum: Float(decl.momentum ?? 0), epsilon: Float(decl.epsilon ?? 1e-7))
        default:
            return .adam(
                learningRate: Float(decl.learningRate ?? 0.001), beta1: Float(decl.beta1 ?? 0.9),
                beta2: Float(decl.beta2 ?? 0.999), epsilon: Float(decl.epsilon ?? 1e-7))
        }
    }
}
