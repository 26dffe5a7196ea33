import Foundation

extension Model {
    /// Trains with Keras' `fit` semantics (docs/keras-semantics.md, "fit()").
    ///
    /// - The last `validationSplit` of the rows (before any shuffling) are held out; Keras rounds the
    ///   training rows down: floor(count (1 - split)).
    /// - Each epoch the training rows are permuted (Fisher-Yates with `generator`) when `shuffle`;
    ///   batches of `batchSize`, the last one partial.
    /// - loss/accuracy: running per-sample means over the epoch, each batch measured on its forward
    ///   pass BEFORE its update, dropout active; val_loss/val_accuracy on the held-out rows after the
    ///   epoch with training=false, batches of `batchSize`.
    /// The optimizer state starts fresh at each call. `generator` supplies the shuffles and the
    /// dropout masks, in that order of use, and is advanced. `config.threads` is the most threads
    /// used; each step runs with that many or one, whichever is measured faster (`ThreadTuner`),
    /// which cannot change any result.
    public func fit(
        _ data: Samples, config: FitConfig, generator: inout SeededGenerator,
        progress: (TrainingEvent) -> Void = { _ in }
    ) throws -> History {
        try train(data, config: config, generator: &generator, progress: progress, beforeStep: { _ in }, afterStep: {})
    }

    /// The training loop of `fit`, with hooks around each step: `beforeStep(t)` runs before step t
    /// (counted from 0 over the whole call) reads its batch, `afterStep()` right after the optimizer
    /// update. Pruned fine-tuning uses them to update and re-apply its masks. `resume` and `checkpoint`:
    /// see ``fit(_:config:generator:resumingFrom:checkpoint:progress:)``.
    func train(
        _ data: Samples, config: FitConfig, generator: inout SeededGenerator, progress: (TrainingEvent) -> Void,
        beforeStep: (Int) -> Void, afterStep: () -> Void, onStep: (FitStep) -> Void = { _ in },
        resume: FitCheckpoint? = nil, checkpoint: ((FitCheckpoint) throws -> Void)? = nil
    ) throws -> History {
        try check(data)
        guard config.batchSize > 0 else { throw TrainingError("batch size must be positive, got \(config.batchSize)") }
        guard config.epochs >= 0 else { throw TrainingError("epochs must not be negative, got \(config.epochs)") }
        guard config.validationSplit >= 0, config.validationSplit < 1 else {
            throw TrainingError("validation split must be in [0, 1), got \(config.validationSplit)")
        }
        let trainCount = FitConfig.trainingRows(count: data.count, validationSplit: config.validationSplit)
        guard trainCount > 0 else { throw TrainingError("no training rows left after the validation split") }
        let valRange = trainCount..<data.count
        // A batch larger than the data is full-batch training (Keras), never an allocation of the size as written.
        let batchSize = min(config.batchSize, trainCount)
        let steps = (trainCount + batchSize - 1) / batchSize
        let sampleSize = data.sampleSize
        let classes = network.outputSize
        network.reserve(batch: batchSize)
        let optimizer = Optimizer(
            spec: config.optimizer, parameters: network.parameters, schedule: config.learningRateSchedule)
        let pass = Pass(training: true, threads: config.threads, generator: generator)
        defer { generator = pass.generator }
        var order = Array(0..<trainCount)
        var labelBatch = [Int32](repeating: 0, count: batchSize)
        let topKScratch = UnsafeMutablePointer<Float>.allocate(capacity: max(classes, 1))
        defer { topKScratch.deallocate() }
        var history = History()
        var tuner = ThreadTuner(maximum: config.threads)
        var globalStep = 0
        let callbacks = CallbackList(config.callbacks)
        let control = TrainingControl(model: self, optimizer: optimizer)
        // A checkpoint cannot hold a callback's saved best weights, so with `restore_best_weights` a
        // resumed task starts over (the same bits, later). Otherwise the callbacks are replayed over
        // the restored epochs, which rebuilds their counters and any reduced learning rate exactly.
        let resumable = resume.flatMap { config.callbacks.contains(where: \.keepsWeights) ? nil : $0 }
        let resumed = try resumable.map { try restore($0, data, config, optimizer, pass, &order, &history) } ?? 0
        globalStep = resumed * steps
        for (index, record) in history.epochs.enumerated() {
            _ = callbacks.epochEnded(index + 1, record: record, control: control)
        }

        try data.features.withUnsafeBufferPointer { features in
            try data.labels.withUnsafeBufferPointer { labels in
                for epoch in 1...max(config.epochs, 1) where config.epochs > 0 && epoch > resumed {
                    let start = DispatchTime.now().uptimeNanoseconds
                    progress(.epochBegan(epoch: epoch, of: config.epochs, steps: steps))
                    if config.shuffle {
                        for i in stride(from: trainCount - 1, to: 0, by: -1) {
                            order.swapAt(i, pass.generator.nextInt(below: i + 1))
                        }
                    }
                    var lossSum = 0.0
                    var correct = 0
                    var inTopK = 0
                    var seen = 0
                    pass.training = true
                    for step in 0..<steps {
                        let stepStart = DispatchTime.now().uptimeNanoseconds
                        pass.threads = tuner.threads
                        beforeStep(globalStep)
                        let lo = step * batchSize
                        let batch = min(batchSize, trainCount - lo)
                        let input = network.input
                        for i in 0..<batch {
                            let row = order[lo + i]
                            (input + i * sampleSize).update(
                                from: features.baseAddress! + row * sampleSize, count: sampleSize)
                            labelBatch[i] = labels[row]
                        }
                        network.forward(batch: batch, pass: pass)
                        let result = labelBatch.withUnsafeBufferPointer {
                            LossHead.evaluate(
                                output: network.output, labels: $0.baseAddress!, batch: batch, classes: classes,
                                fromLogits: network.headSoftmax, gradient: network.outputGradient)
                        }
                        if config.topK > 0 {
                            inTopK += labelBatch.withUnsafeBufferPointer {
                                TopK.count(
                                    output: network.output, labels: $0.baseAddress!, batch: batch, classes: classes,
                                    k: config.topK, softmax: network.headSoftmax, scratch: topKScratch)
                            }
                        }
                        // Keras' TerminateOnNaN: a loss that is not a finite Float stops training at that batch.
                        let running = Float((lossSum + result.lossSum) / Double(seen + batch))
                        guard result.lossSum.isFinite, running.isFinite else {
                            throw TrainingError.nonFiniteLoss(
                                result.lossSum.isFinite ? Double(running) : result.lossSum, epoch: epoch,
                                batch: step + 1, of: steps)
                        }
                        // Kernel regularisers: their penalty at the weights of this forward pass joins
                        // the batch's mean loss (Keras' reported loss includes it), their gradient the update.
                        let penalty = network.penalties.isEmpty ? 0 : Double(network.penalty)
                        network.backward(batch: batch, pass: pass)
                        network.addPenaltyGradients()
                        optimizer.step(threads: pass.threads)
                        afterStep()
                        onStep(
                            FitStep(
                                epoch: epoch, step: globalStep, rows: order[lo..<lo + batch], lossSum: result.lossSum))
                        tuner.record(seconds: Double(DispatchTime.now().uptimeNanoseconds - stepStart) / 1e9)
                        globalStep += 1
                        lossSum += network.penalties.isEmpty ? result.lossSum : result.lossSum + penalty * Double(batch)
                        correct += result.correct
                        seen += batch
                        progress(
                            .batchEnded(
                                epoch: epoch, step: step + 1, steps: steps,
                                loss: Float(lossSum / Double(seen)), accuracy: Float(Double(correct) / Double(seen))))
                    }
                    var record = EpochRecord(
                        loss: Float(lossSum / Double(seen)), accuracy: Float(Double(correct) / Double(seen)),
                        seconds: 0)
                    if config.topK > 0 { record.topKAccuracy = Float(Double(inTopK) / Double(seen)) }
                    if !valRange.isEmpty {
                        pass.training = false
                        let v = measure(
                            features: features.baseAddress!, labels: labels.baseAddress!, rows: valRange,
                            sampleSize: sampleSize, batchSize: config.batchSize, pass: pass, predictions: nil,
                            topK: config.topK)
                        record.valLoss = Float(v.lossSum / Double(valRange.count))
                        guard record.valLoss!.isFinite else {
                            throw TrainingError.nonFiniteLoss(
                                Double(record.valLoss!), epoch: epoch, batch: nil, of: steps)
                        }
                        record.valAccuracy = Float(Double(v.correct) / Double(valRange.count))
                        if config.topK > 0 { record.valTopKAccuracy = Float(Double(v.inTopK) / Double(valRange.count)) }
                    }
                    record.learningRate = optimizer.nextRate
                    record.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                    history.epochs.append(record)
                    progress(.epochEnded(epoch: epoch, record: record))
                    if callbacks.epochEnded(epoch, record: record, control: control) { break }
                    try checkpoint?(snapshot(epoch, history, optimizer, pass, order))
                }
            }
        }
        callbacks.trainEnded(control: control, history: &history)
        return history
    }

    /// Throws when `data` does not fit the model's input or outputs.
    func check(_ data: Samples) throws {
        guard data.sampleSize == network.sizes[0] else {
            throw TrainingError(
                "samples of shape \(ModelSpec.format(data.shape)) do not fit the model's input \(ModelSpec.format(shapes[0]))"
            )
        }
        let classes = network.outputSize
        if let bad = data.labels.first(where: { $0 < 0 || Int($0) >= classes }) {
            throw TrainingError("label \(bad) is outside the model's \(classes) classes")
        }
    }

    /// Loss sum, correct count and (with `topK` > 0) top-k count over contiguous `rows`, inference
    /// mode, in batches. The loss
    /// includes the kernel regularisers' penalty once per sample (Keras' `test_step` adds the
    /// model's regularisation losses to the compiled loss, so val_loss and `evaluate` include it).
    func measure(
        features: UnsafePointer<Float>, labels: UnsafePointer<Int32>, rows: Range<Int>, sampleSize: Int,
        batchSize: Int, pass: Pass, predictions: UnsafeMutablePointer<Int32>?, topK: Int = 0
    ) -> LossHead.Result {
        network.reserve(batch: min(batchSize, max(rows.count, 1)))
        let classes = network.outputSize
        var total = LossHead.Result(lossSum: 0, correct: 0)
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: max(classes, 1))
        defer { scratch.deallocate() }
        var lo = rows.lowerBound
        while lo < rows.upperBound {
            let batch = min(batchSize, rows.upperBound - lo)
            network.input.update(from: features + lo * sampleSize, count: batch * sampleSize)
            network.forward(batch: batch, pass: pass)
            let r = LossHead.evaluate(
                output: network.output, labels: labels + lo, batch: batch, classes: classes,
                fromLogits: network.headSoftmax, gradient: nil)
            if let predictions {
                for i in 0..<batch {
                    let z = network.output + i * classes
                    var best = 0
                    for j in 1..<max(classes, 1) where z[j] > z[best] { best = j }
                    predictions[lo - rows.lowerBound + i] = Int32(best)
                }
            }
            total.lossSum += r.lossSum
            total.correct += r.correct
            if topK > 0 {
                total.inTopK += TopK.count(
                    output: network.output, labels: labels + lo, batch: batch, classes: classes, k: topK,
                    softmax: network.headSoftmax, scratch: scratch)
            }
            lo += batch
        }
        if !network.penalties.isEmpty { total.lossSum += Double(network.penalty) * Double(rows.count) }
        return total
    }
}
