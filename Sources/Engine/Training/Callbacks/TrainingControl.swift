/// What a ``TrainingCallback`` may do to the running `fit`: stop it, read and change the learning
/// rate, and read and set the weights (Keras' `model.stop_training`, `optimizer.learning_rate`,
/// `model.get_weights()` / `set_weights()`).
public final class TrainingControl {
    /// Set to end training after the current epoch's callbacks.
    public var stopTraining = false
    private let model: Model
    private let optimizer: Optimizer

    init(model: Model, optimizer: Optimizer) {
        self.model = model
        self.optimizer = optimizer
    }

    /// The optimizer's learning rate, used from the next step on when set.
    public var learningRate: Float {
        get { optimizer.learningRate }
        set { optimizer.learningRate = newValue }
    }

    /// Every weight tensor, trainable or not (BatchNormalization's moving statistics included), as
    /// Keras' `get_weights()`.
    public var weights: [[Float]] {
        get { model.parameters }
        set { model.parameters = newValue }
    }
}
