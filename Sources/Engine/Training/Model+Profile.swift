import Dispatch

/// Time and arithmetic of one kernel, measured by `Model.profile`.
public struct KernelTiming: Sendable, Equatable {
    /// e.g. "conv2d forward", "dense backward", "adam step".
    public let name: String
    /// Seconds per call (one batch).
    public let seconds: Double
    /// Floating-point operations per call (multiply-adds count 2); 0 for data movement kernels.
    public let flops: Double
    public var gflops: Double { seconds > 0 ? flops / seconds / 1e9 : 0 }
}

extension Model {
    /// Times every layer's forward and backward pass, the loss and the optimizer step on one batch of
    /// random inputs, `repetitions` times each (median), in training mode. For benchmarks; the
    /// weights' gradients are overwritten, the weights are not.
    /// `inputs`: one batch of real samples (batchSize x input size) instead of random ones, e.g.
    /// so that the sparsity of relu outputs is realistic.
    public func profile(
        batchSize: Int = 32, threads: Int, repetitions: Int = 30,
        optimizer: OptimizerSpec = .kerasAdam, inputs: [Float]? = nil
    ) -> [KernelTiming] {
        let net = network
        let b = batchSize
        net.reserve(batch: b)
        var g = SeededGenerator(seed: 1)
        if let inputs {
            precondition(inputs.count == b * net.sizes[0], "inputs must hold one batch")
            inputs.withUnsafeBufferPointer { net.input.update(from: $0.baseAddress!, count: $0.count) }
        } else {
            for i in 0..<(b * net.sizes[0]) { net.input[i] = g.nextUniformFloat() }
        }
        let pass = Pass(training: true, threads: threads, generator: g)
        net.forward(batch: b, pass: pass)
        func time(_ body: () -> Void) -> Double {
            var samples: [Double] = []
            for _ in 0..<repetitions {
                let t0 = DispatchTime.now().uptimeNanoseconds
                body()
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
            }
            return samples.sorted()[samples.count / 2]
        }
        var result: [KernelTiming] = []
        let names = layerNames

        for (j, layer) in net.layers.enumerated() where !layer.isView {
            let (fwd, bwd) = Self.flops(layer, batch: b, inputGradient: net.needsInputGradient[j])
            result.append(
                KernelTiming(
                    name: "\(names[j]) forward",
                    seconds: time {
                        layer.forward(net.activation(j), net.activation(j + 1), batch: b, pass: pass)
                    }, flops: fwd))
            result.append(
                KernelTiming(
                    name: "\(names[j]) backward",
                    seconds: time {
                        for i in 0..<(b * net.sizes[j + 1]) { net.gradient(j + 1)[i] = 0.001 }
                        layer.backward(
                            x: net.activation(j), y: net.activation(j + 1), dy: net.gradient(j + 1),
                            dx: net.needsInputGradient[j] ? net.gradient(j) : nil, batch: b, pass: pass)
                    }, flops: bwd))
        }
        var labels = [Int32](repeating: 1, count: b)
        result.append(
            KernelTiming(
                name: "softmax cross-entropy",
                seconds: time {
                    _ = LossHead.evaluate(
                        output: net.output, labels: &labels, batch: b, classes: net.outputSize,
                        fromLogits: net.headSoftmax, gradient: net.outputGradient)
                }, flops: 0))
        let saved = parameters
        let opt = Optimizer(spec: optimizer, parameters: net.parameters)
        result.append(KernelTiming(name: "optimizer step", seconds: time { opt.step(threads: threads) }, flops: 0))
        parameters = saved
        return result
    }

    /// Multiply-add work of a layer's forward and backward on `batch` samples.
    static func flops(_ layer: Layer, batch: Int, inputGradient: Bool) -> (Double, Double) {
        let factor = inputGradient ? 2.0 : 1.0
        if let conv = layer as? Conv2DLayer {
            let f = 2.0 * Double(batch * conv.geometry.outputPixels * conv.geometry.patchSize * conv.filters)
            return (f, f * factor)
        }
        if let dense = layer as? DenseLayer {
            let f = 2.0 * Double(batch * dense.inputSize * dense.outputSize)
            return (f, f * factor)
        }
        return (0, 0)
    }

    /// Multiply-add work of one training step (forward and backward) on `batch` samples.
    public func trainingFlops(batch: Int) -> Double {
        zip(network.layers, network.needsInputGradient).reduce(0) {
            let (f, b) = Self.flops($1.0, batch: batch, inputGradient: $1.1)
            return $0 + f + b
        }
    }

    /// Multiply-add work of a forward pass on `batch` samples.
    public func inferenceFlops(batch: Int) -> Double {
        network.layers.reduce(0) { $0 + Self.flops($1, batch: batch, inputGradient: false).0 }
    }
}

extension Model {
    /// Wall time of each of `steps` whole training steps (input copy, forward, loss, backward,
    /// optimizer update) on one batch of random inputs and labels, as `fit` runs them; the weights
    /// are restored afterwards. For benchmarks on a noisy machine: take the median or minimum.
    /// `inputs`: one batch of real samples instead of random ones (see `profile`).
    public func timeTrainingSteps(
        batchSize: Int = 32, threads: Int, steps: Int,
        optimizer: OptimizerSpec = .kerasAdam, inputs: [Float]? = nil
    ) -> [Double] {
        let net = network
        let b = batchSize
        net.reserve(batch: b)
        var g = SeededGenerator(seed: 2)
        precondition(inputs == nil || inputs!.count == b * net.sizes[0], "inputs must hold one batch")
        let inputs = inputs ?? (0..<(b * net.sizes[0])).map { _ in g.nextUniformFloat() }
        let labels = (0..<b).map { _ in Int32(g.nextInt(below: net.outputSize)) }
        let saved = parameters
        defer { parameters = saved }
        let opt = Optimizer(spec: optimizer, parameters: net.parameters)
        let pass = Pass(training: true, threads: threads, generator: g)
        var times: [Double] = []
        for _ in 0..<steps {
            let t0 = DispatchTime.now().uptimeNanoseconds
            inputs.withUnsafeBufferPointer { net.input.update(from: $0.baseAddress!, count: $0.count) }
            net.forward(batch: b, pass: pass)
            _ = labels.withUnsafeBufferPointer {
                LossHead.evaluate(
                    output: net.output, labels: $0.baseAddress!, batch: b, classes: net.outputSize,
                    fromLogits: net.headSoftmax, gradient: net.outputGradient)
            }
            net.backward(batch: b, pass: pass)
            opt.step(threads: threads)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        return times
    }
}
