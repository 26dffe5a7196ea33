import XCTest

@testable import Engine

/// Kernel regularisers against NumPy (scripts/engine/make_keras_fixtures.py): the penalty joins the
/// training loss, the gradient and `evaluate`'s loss, as Keras 3 adds `model.losses` in
/// `compute_loss` for both `train_step` and `test_step`.
final class RegularizerTests: XCTestCase {
    private func regularizer(_ c: [String: Any]) -> Regularizer {
        let l1 = Double(c.float("l1"))
        let l2 = Double(c.float("l2"))
        if l1 == 0 { return .l2(l2) }
        if l2 == 0 { return .l1(l1) }
        return .l1l2(l1: l1, l2: l2)
    }

    func testOneSGDStepMatchesNumPy() throws {
        for name in ["regularized_l2", "regularized_l1", "regularized_l1_l2"] {
            let c = KerasFixture.named(name)
            let spec = ModelSpec(layers: [
                .input(shape: [4]),
                .dense(units: 3, activation: .softmax, useBias: true, kernelRegularizer: regularizer(c)),
            ])
            var g = SeededGenerator(seed: 1)
            let model = try Model(spec: spec, generator: &g)
            model.parameters = [c.floats("kernelValues"), c.floats("biasValues")]
            let data = Samples(shape: [4], features: c.floats("x"), labels: c.ints("labels").map(Int32.init))
            let config = FitConfig(
                optimizer: .sgd(learningRate: c.float("learningRate"), momentum: 0, nesterov: false),
                epochs: 1, batchSize: 5, shuffle: false, threads: 2)
            let history = try model.fit(data, config: config, generator: &g)
            XCTAssertEqual(history.loss[0], c.float("trainLoss"), accuracy: 2e-6, "\(name) training loss")
            assertClose(model.parameters[0], c.floats("kernelAfter"), absolute: 1e-6, relative: 1e-5, "\(name) kernel")
            assertClose(model.parameters[1], c.floats("biasAfter"), absolute: 1e-6, relative: 1e-5, "\(name) bias")
            XCTAssertEqual(model.evaluate(data).loss, c.float("evalLoss"), accuracy: 2e-6, "\(name) evaluate loss")
        }
    }

    func testValidationLossIncludesPenalty() throws {
        let c = KerasFixture.named("regularized_l2")
        func run(_ r: Regularizer?) throws -> History {
            let spec = ModelSpec(layers: [
                .input(shape: [4]), .dense(units: 3, activation: .softmax, useBias: true, kernelRegularizer: r),
            ])
            var g = SeededGenerator(seed: 1)
            let model = try Model(spec: spec, generator: &g)
            model.parameters = [c.floats("kernelValues"), c.floats("biasValues")]
            let data = Samples(shape: [4], features: c.floats("x"), labels: c.ints("labels").map(Int32.init))
            // Learning rate 0: the weights stay, so the two runs differ only by the penalty.
            let config = FitConfig(
                optimizer: .sgd(learningRate: 0, momentum: 0, nesterov: false), epochs: 1, batchSize: 5,
                validationSplit: 0.4, shuffle: false, threads: 1)
            return try model.fit(data, config: config, generator: &g)
        }
        let plain = try run(nil)
        let regularized = try run(.l2(0.01))
        XCTAssertEqual(regularized.valLoss[0] - plain.valLoss[0], c.float("penalty"), accuracy: 1e-6)
        XCTAssertEqual(regularized.loss[0] - plain.loss[0], c.float("penalty"), accuracy: 1e-6)
    }

    func testNoRegularizerKeepsTheModelText() {
        XCTAssertEqual(
            LayerSpec.dense(units: 3, activation: .relu, useBias: true).kerasDescription,
            "Dense(units=3, activation=\"relu\", use_bias=True)")
        XCTAssertEqual(
            LayerSpec.dense(units: 3, activation: .relu, useBias: true, kernelRegularizer: .l2(0.0001))
                .kerasDescription,
            "Dense(units=3, activation=\"relu\", use_bias=True, kernel_regularizer=L2(l2=0.0001))")
    }
}
