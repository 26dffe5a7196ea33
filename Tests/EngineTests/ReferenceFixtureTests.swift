import XCTest

@testable import Engine

/// Forward and backward of every layer, the loss and the optimizers against NumPy reference values
/// (scripts/engine/make_fixtures.py). Tolerance: float32 arithmetic against float64 references,
/// |error| <= 1e-5 + 1e-4 |expected| unless stated.
final class ReferenceFixtureTests: XCTestCase {
    func testConv2D() {
        for name in [
            "conv_valid_relu", "conv_same_stride2_tanh", "conv_same_stride1_sigmoid", "conv_valid_stride21_linear",
        ] {
            let c = Fixture.named(name)
            var g = SeededGenerator(seed: 1)
            let layer = Conv2DLayer(
                input: c.ints("input"), filters: c.int("filters"), kernelSize: c.ints("kernel"),
                strides: c.ints("strides"), padding: Padding(rawValue: c.string("padding"))!,
                activation: Activation(rawValue: c.string("activation"))!, useBias: true, generator: &g)
            layer.kernel.value.copy(from: c.floats("kernelValues"))
            layer.bias!.value.copy(from: c.floats("bias"))
            let r = runLayer(layer, x: c.floats("x"), dy: c.floats("dy"), batch: c.int("batch"))
            assertClose(r.y, c.floats("y"), name + " y")
            assertClose(r.dx, c.floats("dx"), name + " dx")
            assertClose(layer.kernel.gradient.array(count: layer.kernel.count), c.floats("dKernel"), name + " dKernel")
            assertClose(layer.bias!.gradient.array(count: c.int("filters")), c.floats("dBias"), name + " dBias")
        }
    }

    func testPooling() {
        for name in [
            "maxpool_valid_2", "maxpool_valid_2_odd", "maxpool_same_3s2", "avgpool_same_3s2", "avgpool_valid_2s1",
        ] {
            let c = Fixture.named(name)
            let layer = Pool2DLayer(
                kind: c.string("kind") == "maxpool" ? .max : .average, input: c.ints("input"),
                poolSize: c.ints("pool"), strides: c.ints("strides"),
                padding: Padding(rawValue: c.string("padding"))!)
            let r = runLayer(layer, x: c.floats("x"), dy: c.floats("dy"), batch: c.int("batch"))
            assertClose(r.y, c.floats("y"), name + " y")
            assertClose(r.dx, c.floats("dx"), name + " dx")
        }
    }

    func testDense() {
        for name in ["dense_linear", "dense_relu", "dense_tanh", "dense_sigmoid", "dense_softmax", "dense_wide_relu"] {
            let c = Fixture.named(name)
            var g = SeededGenerator(seed: 1)
            let layer = DenseLayer(
                inputs: c.int("inputs"), units: c.int("units"),
                activation: Activation(rawValue: c.string("activation"))!, useBias: true, generator: &g)
            layer.kernel.value.copy(from: c.floats("kernelValues"))
            layer.bias!.value.copy(from: c.floats("bias"))
            let r = runLayer(layer, x: c.floats("x"), dy: c.floats("dy"), batch: c.int("batch"))
            assertClose(r.y, c.floats("y"), name + " y")
            assertClose(r.dx, c.floats("dx"), name + " dx")
            assertClose(layer.kernel.gradient.array(count: layer.kernel.count), c.floats("dKernel"), name + " dKernel")
            assertClose(layer.bias!.gradient.array(count: c.int("units")), c.floats("dBias"), name + " dBias")
        }
    }

    func testBatchNormalization() {
        let c = Fixture.named("batchnorm_4d")
        let shape = c.ints("input")
        let batch = c.int("batch")
        let layer = BatchNormLayer(
            size: shape.reduce(1, *), channels: shape[2], momentum: c.float("momentum"),
            epsilon: c.float("epsilon"))
        layer.gamma.value.copy(from: c.floats("gamma"))
        layer.beta.value.copy(from: c.floats("beta"))
        layer.movingMean.value.copy(from: c.floats("movingMean"))
        layer.movingVariance.value.copy(from: c.floats("movingVariance"))
        let inference = runLayer(layer, x: c.floats("x"), dy: c.floats("dy"), batch: batch, training: false)
        assertClose(inference.y, c.floats("yInference"), "inference y")
        let r = runLayer(layer, x: c.floats("x"), dy: c.floats("dy"), batch: batch)
        assertClose(r.y, c.floats("y"), "y")
        assertClose(r.dx, c.floats("dx"), absolute: 1e-4, "dx")
        assertClose(layer.gamma.gradient.array(count: shape[2]), c.floats("dGamma"), "dGamma")
        assertClose(layer.beta.gradient.array(count: shape[2]), c.floats("dBeta"), "dBeta")
        assertClose(layer.movingMean.value.array(count: shape[2]), c.floats("movingMeanAfter"), "moving mean")
        assertClose(
            layer.movingVariance.value.array(count: shape[2]), c.floats("movingVarianceAfter"), "moving variance")
    }

    func testSoftmaxCrossEntropyFromLogits() {
        let c = Fixture.named("softmax_cross_entropy")
        let batch = c.int("batch")
        let classes = c.int("classes")
        let logits = c.floats("logits")
        let labels = c.ints("labels").map(Int32.init)
        var grad = [Float](repeating: .nan, count: batch * classes)
        let r = grad.withUnsafeMutableBufferPointer { gp in
            LossHead.evaluate(
                output: logits, labels: labels, batch: batch, classes: classes, fromLogits: true,
                gradient: gp.baseAddress!)
        }
        XCTAssertEqual(Float(r.lossSum / Double(batch)), c.float("loss"), accuracy: 1e-5)
        XCTAssertEqual(r.correct, c.int("correct"))
        assertClose(grad, c.floats("dLogits"), absolute: 1e-7, "dLogits")
    }

    func testOptimizers() {
        for name in [
            "adam_keras", "adam_big_steps", "sgd_plain", "sgd_momentum", "sgd_nesterov", "rmsprop_keras",
            "rmsprop_momentum",
        ] {
            let c = Fixture.named(name)
            let s = c["spec"] as! [String: Any]
            let spec: OptimizerSpec
            switch s.string("name") {
            case "adam":
                spec = .adam(
                    learningRate: s.float("learningRate"), beta1: s.float("beta1"), beta2: s.float("beta2"),
                    epsilon: s.float("epsilon"))
            case "sgd":
                spec = .sgd(
                    learningRate: s.float("learningRate"), momentum: s.float("momentum"),
                    nesterov: s["nesterov"] as! Bool)
            default:
                spec = .rmsprop(
                    learningRate: s.float("learningRate"), rho: s.float("rho"), momentum: s.float("momentum"),
                    epsilon: s.float("epsilon"))
            }
            let p = Parameter(name: "w", shape: [11])
            p.value.copy(from: c.floats("w0"))
            let optimizer = Optimizer(spec: spec, parameters: [p])
            let grads = (c["grads"] as! [[Any]]).map { $0.map { Float(($0 as! NSNumber).doubleValue) } }
            let trajectory = (c["trajectory"] as! [[Any]]).map { $0.map { Float(($0 as! NSNumber).doubleValue) } }
            for (t, g) in grads.enumerated() {
                p.gradient.copy(from: g)
                optimizer.step(threads: 2)
                assertClose(
                    p.value.array(count: 11), trajectory[t], absolute: 2e-6, relative: 2e-6, "\(name) step \(t + 1)")
            }
        }
    }

    /// Adam's 1 - beta is Keras' (double from the decimal, then Float), not Float arithmetic's.
    func testAdamComplementsAreKeras() {
        XCTAssertEqual(Optimizer.kerasComplement(0.9), Float(0.1))
        XCTAssertEqual(Optimizer.kerasComplement(0.999), Float(0.001))
        XCTAssertNotEqual(Optimizer.kerasComplement(0.999), 1 - Float(0.999))
        XCTAssertEqual(Optimizer.kerasComplement(0.95), Float(1 - 0.95))
    }

    /// The first Adam step moves every weight by lr * g / (|g| + eps / sqrt(1 - b2)) ~ lr sign(g):
    /// alpha = lr sqrt(1 - b2) / (1 - b1), m = (1 - b1) g, v = (1 - b2) g^2 (Keras' update, t = 1).
    func testAdamFirstStepIsLearningRateTimesSign() {
        let p = Parameter(name: "w", shape: [4])
        p.value.copy(from: [1, 1, 1, 1])
        p.gradient.copy(from: [0.5, -2, 1e-3, -30])
        Optimizer(spec: .kerasAdam, parameters: [p]).step(threads: 1)
        let w = p.value.array(count: 4)
        for (wi, g) in zip(w, [Float(0.5), -2, 1e-3, -30]) {
            let expected = 1 - 0.001 * g / (abs(g) + 1e-7 / Float(0.001).squareRoot())
            XCTAssertEqual(wi, expected, accuracy: 1e-7)
        }
    }
}
