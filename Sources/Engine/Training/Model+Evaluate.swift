import Foundation

extension Model {
    /// Keras `evaluate`: per-sample mean loss and accuracy with training=false, plus the argmax
    /// prediction of every sample, and with `topK` > 0 Keras' top-k accuracy (``TopK``). Labels
    /// must be valid class indices (precondition).
    public func evaluate(
        _ data: Samples, batchSize: Int = 32,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, topK: Int = 0
    ) -> Evaluation {
        precondition((try? check(data)) != nil, "samples do not fit the model")
        precondition(batchSize > 0, "batch size must be positive")
        precondition(topK >= 0, "k must not be negative")
        guard data.count > 0 else {
            return Evaluation(loss: 0, accuracy: 0, predictions: [], topKAccuracy: topK > 0 ? 0 : nil)
        }
        let pass = Pass(training: false, threads: threads, generator: SeededGenerator(seed: 0))
        var predictions = [Int32](repeating: 0, count: data.count)
        let result = data.features.withUnsafeBufferPointer { f in
            data.labels.withUnsafeBufferPointer { l in
                predictions.withUnsafeMutableBufferPointer { p in
                    measure(
                        features: f.baseAddress!, labels: l.baseAddress!, rows: 0..<data.count,
                        sampleSize: data.sampleSize, batchSize: batchSize, pass: pass, predictions: p.baseAddress!,
                        topK: topK)
                }
            }
        }
        return Evaluation(
            loss: Float(result.lossSum / Double(data.count)),
            accuracy: Float(Double(result.correct) / Double(data.count)), predictions: predictions,
            topKAccuracy: topK > 0 ? Float(Double(result.inTopK) / Double(data.count)) : nil)
    }

    /// Keras `predict`: the model's outputs (probabilities when it ends in softmax) for `count`
    /// samples, count x outputs row-major, training=false.
    public func predict(
        _ features: [Float], count: Int, batchSize: Int = 32,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> [Float] {
        let sampleSize = network.sizes[0]
        let classes = network.outputSize
        precondition(features.count == count * sampleSize, "features must hold count x \(sampleSize) values")
        precondition(batchSize > 0, "batch size must be positive")
        network.reserve(batch: min(batchSize, max(count, 1)))
        let pass = Pass(training: false, threads: threads, generator: SeededGenerator(seed: 0))
        var out = [Float](repeating: 0, count: count * classes)
        features.withUnsafeBufferPointer { f in
            out.withUnsafeMutableBufferPointer { o in
                var lo = 0
                while lo < count {
                    let batch = min(batchSize, count - lo)
                    network.input.update(from: f.baseAddress! + lo * sampleSize, count: batch * sampleSize)
                    network.forward(batch: batch, pass: pass)
                    let dst = o.baseAddress! + lo * classes
                    dst.update(from: network.output, count: batch * classes)
                    if network.headSoftmax {
                        for i in 0..<batch { ActivationMath.softmaxRow(dst + i * classes, classes) }
                    }
                    lo += batch
                }
            }
        }
        return out
    }
}
