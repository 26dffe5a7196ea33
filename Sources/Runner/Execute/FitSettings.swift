import Engine
import NotebookFormat

/// The engine's fit settings for what a notebook declares, with Keras' defaults for what it does
/// not say (docs/keras-semantics.md). Every name was checked by NotebookFormat, so each switch
/// here is exhaustive and has no fallback.
enum FitSettings {
    /// The optimizer of `optimizer:`. Keras 3's defaults: Adam lr 0.001, beta_1 0.9, beta_2 0.999,
    /// epsilon 1e-7; SGD lr 0.01, momentum 0; RMSprop lr 0.001, rho 0.9, momentum 0, epsilon 1e-7.
    static func optimizer(_ decl: OptimizerDecl) -> OptimizerSpec {
        let rate = Float(decl.learningRate ?? decl.name.defaultLearningRate)
        switch decl.name {
        case .sgd:
            return .sgd(learningRate: rate, momentum: Float(decl.momentum ?? 0), nesterov: decl.nesterov ?? false)
        case .rmsprop:
            return .rmsprop(
                learningRate: rate, rho: Float(decl.rho ?? 0.9), momentum: Float(decl.momentum ?? 0),
                epsilon: Float(decl.epsilon ?? 1e-7))
        case .adam:
            return .adam(
                learningRate: rate, beta1: Float(decl.beta1 ?? 0.9), beta2: Float(decl.beta2 ?? 0.999),
                epsilon: Float(decl.epsilon ?? 1e-7))
        case .adamw:
            return .adamW(
                learningRate: rate, weightDecay: Float(decl.weightDecay ?? 0.004), beta1: Float(decl.beta1 ?? 0.9),
                beta2: Float(decl.beta2 ?? 0.999), epsilon: Float(decl.epsilon ?? 1e-7))
        }
    }

    /// The `fit` of a train directive.
    static func config(_ train: TrainDecl, threads: Int) -> FitConfig {
        var config = FitConfig(
            optimizer: optimizer(train.optimizer), loss: train.loss, epochs: train.epochs,
            batchSize: train.batchSize, validationSplit: Float(train.validationSplit), shuffle: train.shuffle,
            threads: threads)
        config.callbacks = callbacks(train.callbacks)
        config.learningRateSchedule = train.optimizer.schedule
        config.topK = train.recordedTopK
        return config
    }

    /// The fine-tuning of a prune: the train's optimizer at the fine-tuning learning rate (default:
    /// a tenth of the train's), for `fine_tune.epochs`, with the train's validation split. The
    /// train's callbacks are not carried over: fine-tuning runs every epoch it is given (a stop or a
    /// weight restore would undo the pruning schedule's last steps).
    static func fineTune(_ fineTune: FineTuneDecl, train: TrainDecl, threads: Int) -> FitConfig {
        var optimizer = train.optimizer
        // Fine-tuning runs at a constant rate; a train's schedule lends it its initial rate.
        let trainRate = optimizer.learningRate ?? optimizer.schedule?.initialRate ?? optimizer.name.defaultLearningRate
        optimizer.learningRate = fineTune.learningRate ?? trainRate / 10
        optimizer.schedule = nil
        var settings = config(train, threads: threads)
        settings.optimizer = self.optimizer(optimizer)
        settings.learningRateSchedule = nil
        settings.callbacks = []
        settings.topK = 0
        settings.epochs = fineTune.epochs
        settings.batchSize = fineTune.batchSize ?? train.batchSize
        return settings
    }

    /// The model and fit of one sweep point: the train's, with `vary` set to `value`. For `rate`,
    /// one value sets every Dropout layer, a list sets them in order (the checker made sure the
    /// list has one rate per Dropout layer).
    static func sweepPoint(
        _ vary: SweepSetting, value: [Double], spec: ModelSpec, train: TrainDecl, threads: Int
    ) -> (ModelSpec, FitConfig) {
        var spec = spec
        var train = train
        switch vary {
        case .rate:
            var dropout = 0
            spec.layers = spec.layers.map { layer in
                guard case .dropout = layer else { return layer }
                defer { dropout += 1 }
                precondition(value.count == 1 || dropout < value.count, "rate lists are checked against Dropout layers")
                return .dropout(rate: value.count == 1 ? value[0] : value[dropout])
            }
        case .learningRate:
            train.optimizer.learningRate = value[0]
            train.optimizer.schedule = nil
        case .epochs: train.epochs = Int(value[0])
        case .batchSize: train.batchSize = Int(value[0])
        }
        return (spec, config(train, threads: threads))
    }
}
