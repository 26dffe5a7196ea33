import XCTest

@testable import Engine

/// Backward passes against central finite differences of the loss, dL/dw ~ (L(w + h) - L(w - h)) / 2h,
/// for every weight of small models covering every layer, activation and both loss paths.
/// Tolerance (float32 losses, h = 3e-3): |fd - analytic| <= 1e-3 + 3e-2 |analytic| per weight, and the
/// relative error of the whole gradient vector below 1e-2 (relu and max-pool kinks may be crossed
/// by h for single weights, so models with them use the vector criterion only).
final class GradientCheckTests: XCTestCase {
    private func batch(_ model: Model, count: Int, seed: UInt64) -> ([Float], [Int32]) {
        var g = SeededGenerator(seed: seed)
        let x = (0..<(count * model.network.sizes[0])).map { _ in g.nextUniformFloat(in: -1, 1) }
        let y = (0..<count).map { _ in Int32(g.nextInt(below: model.network.outputSize)) }
        return (x, y)
    }

    /// Mean loss and (optionally) every parameter's gradient, training mode, dropout seed fixed.
    private func loss(_ model: Model, _ x: [Float], _ labels: [Int32], gradients: Bool) -> (Double, [[Float]]) {
        let net = model.network
        let n = labels.count
        net.reserve(batch: n)
        net.input.update(from: x, count: x.count)
        let pass = Pass(training: true, threads: 2, generator: SeededGenerator(seed: 77))
        net.forward(batch: n, pass: pass)
        let r = LossHead.evaluate(
            output: net.output, labels: labels, batch: n, classes: net.outputSize,
            fromLogits: net.headSoftmax, gradient: net.outputGradient)
        guard gradients else { return (r.lossSum / Double(n), []) }
        net.backward(batch: n, pass: pass)
        return (r.lossSum / Double(n), net.parameters.map { $0.gradient.array(count: $0.count) })
    }

    private func check(
        _ spec: ModelSpec, count: Int = 4, perWeight: Bool, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        var g = SeededGenerator(seed: 11)
        let model = try Model(spec: spec, generator: &g)
        // Non-zero biases so that every bias path is exercised.
        model.parameters = model.parameters.map { t in t.map { $0 == 0 ? g.nextUniformFloat(in: -0.2, 0.2) : $0 } }
        let (x, labels) = batch(model, count: count, seed: 12)
        let analytic = loss(model, x, labels, gradients: true).1
        let h: Float = 3e-3
        for (t, tensor) in model.network.parameters.enumerated() where tensor.trainable {
            var fd = [Float](repeating: 0, count: tensor.count)
            for i in 0..<tensor.count {
                let w = tensor.value.pointer[i]
                tensor.value.pointer[i] = w + h
                let up = loss(model, x, labels, gradients: false).0
                tensor.value.pointer[i] = w - h
                let down = loss(model, x, labels, gradients: false).0
                tensor.value.pointer[i] = w
                fd[i] = Float((up - down) / Double(2 * h))
            }
            let name = model.parameterNames[t]
            if perWeight { assertClose(analytic[t], fd, absolute: 1e-3, relative: 3e-2, name, file: file, line: line) }
            let diff = zip(analytic[t], fd).reduce(Float(0)) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
            let norm = fd.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
            // The floor: a bias right before BatchNormalization has a true gradient of zero, and central
            // differences of a float32 loss with h = 3e-3 carry about 1e-5 of rounding noise.
            XCTAssertLessThan(diff, 1e-2 * max(norm, 3e-3), "\(name): gradient vector error", file: file, line: line)
        }
    }

    func testConvPoolingDenseDropoutSmooth() throws {
        try check(
            ModelSpec(layers: [
                .input(shape: [6, 6, 2]),
                .conv2D(
                    filters: 3, kernelSize: [3, 3], strides: [1, 1], padding: .same, activation: .tanh, useBias: true),
                .averagePooling2D(poolSize: [2, 2], strides: nil, padding: .valid),
                .conv2D(
                    filters: 4, kernelSize: [2, 2], strides: [1, 1], padding: .valid, activation: .sigmoid,
                    useBias: true),
                .averagePooling2D(poolSize: [2, 2], strides: [1, 1], padding: .same),
                .flatten,
                .dense(units: 5, activation: .tanh, useBias: true),
                .dropout(rate: 0.3),
                .dense(units: 3, activation: .softmax, useBias: true),
            ]), perWeight: true)
    }

    func testReluMaxPoolStridedConv() throws {
        try check(
            ModelSpec(layers: [
                .input(shape: [7, 7, 1]),
                .conv2D(
                    filters: 4, kernelSize: [3, 3], strides: [2, 2], padding: .same, activation: .relu, useBias: true),
                .maxPooling2D(poolSize: [2, 2], strides: nil, padding: .same),
                .flatten,
                .dense(units: 6, activation: .relu, useBias: true),
                .dense(units: 4, activation: .softmax, useBias: true),
            ]), perWeight: false)
    }

    func testBatchNormActivationLayersAndFinalSoftmaxActivation() throws {
        try check(
            ModelSpec(layers: [
                .input(shape: [5]),
                .dense(units: 6, activation: .linear, useBias: true),
                .batchNormalization(momentum: 0.9, epsilon: 1e-3),
                .activation(.tanh),
                .dense(units: 4, activation: .linear, useBias: false),
                .activation(.softmax),
            ]), count: 6, perWeight: true)
    }

    func testProbabilityOutputsWithoutSoftmax() throws {
        try check(
            ModelSpec(layers: [
                .input(shape: [4]),
                .dense(units: 5, activation: .sigmoid, useBias: true),
                .activation(.softmax),
                .dense(units: 3, activation: .sigmoid, useBias: true),
            ]), perWeight: true)
    }
}
