import Foundation

extension Model {
    /// Fine-tunes a pruned model: Keras `fit` semantics (see `fit`), with the masks held so that
    /// pruned weights stay exactly zero: the masked-out weights are zeroed before the first step and
    /// after every optimizer step (as TF-MOT's `UpdatePruningStep` and PyTorch's forward pre-hook
    /// `w = w_orig * mask` keep them at zero).
    ///
    /// With a `schedule` (Zhu & Gupta 2017) the masks are recomputed before step t whenever
    /// `schedule.updatesMask(atStep: t)`, from the current weights' magnitudes at sparsity
    /// `schedule.sparsity(atStep: t)` over the tensors that `masks` covers, with `scope`. Steps are
    /// counted from 0 over the whole call. Returns the history and the final masks.
    public func fitPruned(_ data: Samples, config: FitConfig, masks: PruningMasks, schedule: GradualSchedule? = nil,
                          scope: PruningScope = .global, generator: inout SeededGenerator,
                          progress: (TrainingEvent) -> Void = { _ in }) throws -> (history: History, masks: PruningMasks) {
        try check(data)
        guard config.batchSize > 0 else { throw TrainingError("batch size must be positive, got \(config.batchSize)") }
        guard config.epochs >= 0 else { throw TrainingError("epochs must not be negative, got \(config.epochs)") }
        guard config.validationSplit >= 0, config.validationSplit < 1 else {
            throw TrainingError("validation split must be in [0, 1), got \(config.validationSplit)")
        }
        precondition(masks.masks.count == network.parameters.count, "one mask entry per weight tensor")
        let trainCount = FitConfig.trainingRows(count: data.count, validationSplit: config.validationSplit)
        guard trainCount > 0 else { throw TrainingError("no training rows left after the validation split") }
        let valRange = trainCount..<data.count
        let steps = (trainCount + config.batchSize - 1) / config.batchSize
        let sampleSize = data.sampleSize, classes = network.outputSize
        let prunable = masks.prunableIndices
        var current = masks
        var applier = MaskApplier(masks: current, parameters: network.parameters)
        applier.apply()
        network.reserve(batch: config.batchSize)
        let optimizer = Optimizer(spec: config.optimizer, parameters: network.parameters)
        let pass = Pass(training: true, threads: config.threads, generator: generator)
        defer { generator = pass.generator }
        var order = Array(0..<trainCount)
        var labelBatch = [Int32](repeating: 0, count: config.batchSize)
        var history = History()
        var globalStep = 0
        var tuner = ThreadTuner(maximum: config.threads)

        try data.features.withUnsafeBufferPointer { features in
            try data.labels.withUnsafeBufferPointer { labels in
                for epoch in 1...max(config.epochs, 1) where config.epochs > 0 {
                    let start = DispatchTime.now().uptimeNanoseconds
                    progress(.epochBegan(epoch: epoch, of: config.epochs, steps: steps))
                    if config.shuffle {
                        for i in stride(from: trainCount - 1, to: 0, by: -1) {
                            order.swapAt(i, pass.generator.nextInt(below: i + 1))
                        }
                    }
                    var lossSum = 0.0, correct = 0, seen = 0
                    pass.training = true
                    for step in 0..<steps {
                        let stepStart = DispatchTime.now().uptimeNanoseconds
                        pass.threads = tuner.threads
                        if let schedule, schedule.updatesMask(atStep: globalStep) {
                            current = MagnitudePruning.masks(parameters: parameters, prunable: prunable,
                                                             sparsity: schedule.sparsity(atStep: globalStep), scope: scope)
                            applier = MaskApplier(masks: current, parameters: network.parameters)
                            applier.apply()
                        }
                        let lo = step * config.batchSize, batch = min(config.batchSize, trainCount - lo)
                        let input = network.input
                        for i in 0..<batch {
                            let row = order[lo + i]
                            (input + i * sampleSize).update(from: features.baseAddress! + row * sampleSize, count: sampleSize)
                            labelBatch[i] = labels[row]
                        }
                        network.forward(batch: batch, pass: pass)
                        let result = labelBatch.withUnsafeBufferPointer {
                            LossHead.evaluate(output: network.output, labels: $0.baseAddress!, batch: batch, classes: classes,
                                              fromLogits: network.headSoftmax, gradient: network.outputGradient)
                        }
                        guard result.lossSum.isFinite else {
                            throw TrainingError("the loss became \(result.lossSum) at epoch \(epoch), step \(step + 1); lower the learning rate")
                        }
                        network.backward(batch: batch, pass: pass)
                        optimizer.step(threads: pass.threads)
                        applier.apply()
                        tuner.record(seconds: Double(DispatchTime.now().uptimeNanoseconds - stepStart) / 1e9)
                        globalStep += 1
                        lossSum += result.lossSum
                        correct += result.correct
                        seen += batch
                        progress(.batchEnded(epoch: epoch, step: step + 1, steps: steps,
                                             loss: Float(lossSum / Double(seen)), accuracy: Float(Double(correct) / Double(seen))))
                    }
                    var record = EpochRecord(loss: Float(lossSum / Double(seen)), accuracy: Float(Double(correct) / Double(seen)),
                                             seconds: 0)
                    if !valRange.isEmpty {
                        pass.training = false
                        let v = measure(features: features.baseAddress!, labels: labels.baseAddress!, rows: valRange,
                                        sampleSize: sampleSize, batchSize: config.batchSize, pass: pass, predictions: nil)
                        record.valLoss = Float(v.lossSum / Double(valRange.count))
                        record.valAccuracy = Float(Double(v.correct) / Double(valRange.count))
                    }
                    record.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                    history.epochs.append(record)
                    progress(.epochEnded(epoch: epoch, record: record))
                }
            }
        }
        return (history, current)
    }
}
