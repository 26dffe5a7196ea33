extension Model {
    /// `fit` that hands a ``FitCheckpoint`` to `checkpoint` after every epoch and can start from one.
    ///
    /// With `resumingFrom` the weights, optimizer state, generator, row order and history are those
    /// of the checkpoint, and training continues with its next epoch: the result (weights, history
    /// values, final generator) has the same bits as an uninterrupted `fit` with the same model,
    /// data, config and seed. `generator` is replaced by the checkpoint's state before training.
    /// `checkpoint` runs after the epoch's `.epochEnded` event; an error it throws stops the fit
    /// there (the epoch is finished and saved) and is rethrown.
    public func fit(
        _ data: Samples, config: FitConfig, generator: inout SeededGenerator, resumingFrom start: FitCheckpoint?,
        checkpoint: @escaping (FitCheckpoint) throws -> Void, progress: (TrainingEvent) -> Void = { _ in }
    ) throws -> History {
        try train(
            data, config: config, generator: &generator, progress: progress, beforeStep: { _ in }, afterStep: {},
            resume: start, checkpoint: checkpoint)
    }

    /// Throws when `checkpoint` was not saved by a `fit` of this model on data of this size with
    /// this config (tensor sizes, row count and order, epochs).
    public func checkResumable(_ checkpoint: FitCheckpoint, data: Samples, config: FitConfig) throws {
        let rows = FitConfig.trainingRows(count: data.count, validationSplit: config.validationSplit)
        guard (0...max(config.epochs, 0)).contains(checkpoint.epoch),
            checkpoint.history.epochs.count == checkpoint.epoch
        else {
            throw TrainingError(
                "the checkpoint after epoch \(checkpoint.epoch) does not fit a \(config.epochs)-epoch fit")
        }
        guard checkpoint.order.count == rows else {
            throw TrainingError("the checkpoint has \(checkpoint.order.count) training rows, the data \(rows)")
        }
        var seen = [Bool](repeating: false, count: rows)
        for row in checkpoint.order {
            guard (0..<rows).contains(Int(row)), !seen[Int(row)] else {
                throw TrainingError("the checkpoint's row order is not a permutation of \(rows) training rows")
            }
            seen[Int(row)] = true
        }
        let trainable = network.parameters.filter(\.trainable).map(\.count)
        guard checkpoint.weights.map(\.count) == network.parameters.map(\.count),
            checkpoint.firstMoments.map(\.count) == trainable, checkpoint.secondMoments.map(\.count) == trainable
        else { throw TrainingError("the checkpoint's tensors do not fit this model") }
    }

    /// Loads `checkpoint` into the training loop's state; returns the epochs it finished.
    func restore(
        _ checkpoint: FitCheckpoint, _ data: Samples, _ config: FitConfig, _ optimizer: Optimizer, _ pass: Pass,
        _ order: inout [Int], _ history: inout History
    ) throws -> Int {
        try checkResumable(checkpoint, data: data, config: config)
        parameters = checkpoint.weights
        optimizer.restore(
            steps: checkpoint.optimizerSteps, first: checkpoint.firstMoments, second: checkpoint.secondMoments)
        pass.generator = checkpoint.generator
        order = checkpoint.order.map(Int.init)
        history = checkpoint.history
        return checkpoint.epoch
    }

    /// The training loop's state after `epoch`.
    func snapshot(_ epoch: Int, _ history: History, _ optimizer: Optimizer, _ pass: Pass, _ order: [Int])
        -> FitCheckpoint
    {
        let moments = optimizer.moments
        return FitCheckpoint(
            epoch: epoch, history: history, generator: pass.generator, order: order.map { Int32($0) },
            weights: parameters, optimizerSteps: optimizer.iterations, firstMoments: moments.first,
            secondMoments: moments.second)
    }
}
