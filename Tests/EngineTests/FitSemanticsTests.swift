import TestSupport
import XCTest

@testable import Engine

/// Keras `fit` semantics: validation rows, metric averaging, determinism across thread counts.
final class FitSemanticsTests: XCTestCase {
    private let small = ModelSpec(layers: [
        .input(shape: [6]),
        .dense(units: 8, activation: .relu, useBias: true),
        .dropout(rate: 0.5),
        .dense(units: 3, activation: .softmax, useBias: true),
    ])

    /// val_loss / val_accuracy are exactly evaluate() on the LAST rows (training=false), and those
    /// rows never influence training.
    func testValidationIsTheLastRowsEvaluatedWithoutDropout() throws {
        let d = SeparableRows.samples(50, shape: [6], classes: 3, seed: 1)
        var g = SeededGenerator(seed: 2)
        let model = try Model(spec: small, generator: &g)
        let config = FitConfig(epochs: 2, batchSize: 8, validationSplit: 0.2)
        let history = try model.fit(d, config: config, generator: &g)
        let v = model.evaluate(d.slice(40..<50), batchSize: 8)
        XCTAssertEqual(history.valLoss.last, v.loss)
        XCTAssertEqual(history.valAccuracy.last, v.accuracy)

        // Changing the held-out rows changes nothing in training.
        var other = Array(d.features)
        for i in (40 * 6)..<(50 * 6) { other[i] = -other[i] }
        let d2 = Samples(
            shape: [6], features: other, labels: Array(d.labels[0..<40]) + d.labels[40..<50].map { ($0 + 1) % 3 })
        var g1 = SeededGenerator(seed: 2)
        var g2 = SeededGenerator(seed: 2)
        let m1 = try Model(spec: small, generator: &g1)
        let m2 = try Model(spec: small, generator: &g2)
        let h1 = try m1.fit(d, config: config, generator: &g1)
        let h2 = try m2.fit(d2, config: config, generator: &g2)
        XCTAssertEqual(m1.parameters, m2.parameters)
        XCTAssertEqual(h1.loss, h2.loss)
        XCTAssertNotEqual(h1.valLoss, h2.valLoss)
    }

    /// A batch larger than the data is Keras' full-batch training: the same bits as `batch_size`
    /// equal to the training rows, and no allocation of the size as written (100,000,000 samples of
    /// 6 floats would need 2.4 GB for the input alone).
    func testBatchLargerThanTheDataIsFullBatch() throws {
        let d = SeparableRows.samples(50, shape: [6], classes: 3, seed: 4)
        func run(batchSize: Int) throws -> (History, [Float]) {
            var g = SeededGenerator(seed: 5)
            let model = try Model(spec: small, generator: &g)
            let h = try model.fit(
                d, config: FitConfig(epochs: 2, batchSize: batchSize, validationSplit: 0.2), generator: &g)
            return (h, model.parameters.flatMap { $0 })
        }
        let (huge, hugeWeights) = try run(batchSize: 100_000_000)
        let (exact, exactWeights) = try run(batchSize: 40)
        XCTAssertEqual(huge.loss, exact.loss)
        XCTAssertEqual(huge.valLoss, exact.valLoss)
        XCTAssertEqual(hugeWeights, exactWeights)
    }

    /// With a zero learning rate the weights stay put, so the epoch's loss must be the per-sample
    /// mean over the training rows (batches of 4, 4, 2 weighted by size), not the mean of batch means.
    func testEpochMetricsArePerSampleMeans() throws {
        let spec = ModelSpec(layers: [.input(shape: [6]), .dense(units: 3, activation: .softmax, useBias: true)])
        let d = SeparableRows.samples(10, shape: [6], classes: 3, seed: 3)
        var g = SeededGenerator(seed: 4)
        let model = try Model(spec: spec, generator: &g)
        let whole = model.evaluate(d, batchSize: 10)
        let parts = [model.evaluate(d.slice(0..<4)), model.evaluate(d.slice(4..<8)), model.evaluate(d.slice(8..<10))]
        let meanOfBatchMeans = parts.map(\.loss).reduce(0, +) / 3
        XCTAssertGreaterThan(abs(meanOfBatchMeans - whole.loss), 1e-3, "test data must tell the two apart")
        let config = FitConfig(optimizer: .sgd(learningRate: 0, momentum: 0, nesterov: false), epochs: 1, batchSize: 4)
        let h = try model.fit(d, config: config, generator: &g)
        XCTAssertEqual(h.loss[0], whole.loss, accuracy: 1e-6)
        XCTAssertEqual(h.accuracy[0], whole.accuracy)
        XCTAssertTrue(h.valLoss.isEmpty)
    }

    /// Each batch is measured before its update: step 1's running loss is the initial model's loss on
    /// the first batch, even with a large learning rate.
    func testBatchMetricsAreTakenBeforeTheUpdate() throws {
        let spec = ModelSpec(layers: [.input(shape: [6]), .dense(units: 3, activation: .softmax, useBias: true)])
        let d = SeparableRows.samples(12, shape: [6], classes: 3, seed: 5)
        var g = SeededGenerator(seed: 6)
        let model = try Model(spec: spec, generator: &g)
        let before = model.evaluate(d.slice(0..<4))
        var events: [TrainingEvent] = []
        let config = FitConfig(
            optimizer: .adam(learningRate: 0.5, beta1: 0.9, beta2: 0.999, epsilon: 1e-7),
            epochs: 1, batchSize: 4, shuffle: false)
        let h = try model.fit(d, config: config, generator: &g) { events.append($0) }
        guard case .batchEnded(_, let step, let steps, let loss, let accuracy) = events[1] else {
            return XCTFail("no batch event")
        }
        XCTAssertEqual(step, 1)
        XCTAssertEqual(steps, 3)
        XCTAssertEqual(loss, before.loss, accuracy: 1e-6)
        XCTAssertEqual(accuracy, before.accuracy)
        guard case .batchEnded(_, _, _, let lastLoss, _) = events[3] else { return XCTFail("no last batch event") }
        XCTAssertEqual(lastLoss, h.loss[0])
        XCTAssertEqual(events.count, 5)  // began, 3 batches, ended
    }

    /// Same seed, same bits, with 1 or 2 threads; another seed differs.
    func testDeterministicAcrossThreadCounts() throws {
        let spec = ModelSpec(layers: [
            .input(shape: [10, 10, 1]),
            .conv2D(
                filters: 8, kernelSize: [3, 3], strides: [1, 1], padding: .valid, activation: .relu, useBias: true),
            .maxPooling2D(poolSize: [2, 2], strides: nil, padding: .valid),
            .conv2D(
                filters: 4, kernelSize: [2, 2], strides: [1, 1], padding: .same, activation: .relu, useBias: true),
            .flatten,
            .dense(units: 300, activation: .relu, useBias: true),
            .dropout(rate: 0.5),
            .dense(units: 4, activation: .softmax, useBias: true),
        ])
        let d = SeparableRows.samples(96, shape: [10, 10, 1], classes: 4, seed: 7)
        func train(threads: Int, seed: UInt64) throws -> ([[Float]], History) {
            var g = SeededGenerator(seed: seed)
            let model = try Model(spec: spec, generator: &g)
            let h = try model.fit(
                d, config: FitConfig(epochs: 2, batchSize: 16, validationSplit: 0.25, threads: threads), generator: &g)
            return (model.parameters, h)
        }
        let (p1, h1) = try train(threads: 1, seed: 8)
        let (p2, h2) = try train(threads: 2, seed: 8)
        let (p3, _) = try train(threads: 3, seed: 8)
        XCTAssertEqual(p1, p2)
        XCTAssertEqual(p1, p3)
        XCTAssertEqual(h1.loss, h2.loss)
        XCTAssertEqual(h1.valLoss, h2.valLoss)
        let (p4, _) = try train(threads: 2, seed: 9)
        XCTAssertNotEqual(p1, p4)
    }

    func testLearnsASimpleProblem() throws {
        let d = SeparableRows.samples(400, shape: [6], classes: 3, seed: 10)
        var g = SeededGenerator(seed: 11)
        let model = try Model(spec: small, generator: &g)
        let h = try model.fit(d, config: FitConfig(epochs: 15, batchSize: 16, validationSplit: 0.25), generator: &g)
        XCTAssertGreaterThan(h.valAccuracy.last!, 0.9)
        XCTAssertLessThan(h.loss.last!, h.loss.first!)
        let p = model.predict(Array(d.features[0..<(5 * 6)]), count: 5)
        for i in 0..<5 { XCTAssertEqual(p[(i * 3)..<(i * 3 + 3)].reduce(0, +), 1, accuracy: 1e-5) }
    }

    func testFitRejectsBadData() throws {
        var g = SeededGenerator(seed: 1)
        let model = try Model(spec: small, generator: &g)
        let bad = Samples(shape: [3], features: [1, 2, 3], labels: [0])
        XCTAssertThrowsError(try model.fit(bad, config: FitConfig(), generator: &g)) { error in
            XCTAssertEqual(error as? TrainingError, TrainingError("samples of shape 3 do not fit the model's input 6"))
        }
        let badLabel = Samples(shape: [6], features: [Float](repeating: 0, count: 6), labels: [7])
        XCTAssertThrowsError(try model.fit(badLabel, config: FitConfig(), generator: &g)) { error in
            XCTAssertEqual(error as? TrainingError, TrainingError("label 7 is outside the model's 3 classes"))
        }
    }

    /// Keras' TerminateOnNaN (issue 18): a NaN loss stops training at its batch, with epoch and batch
    /// in the message, instead of finishing with NaN weights and a history JSON cannot hold.
    func testNaNLossStopsTrainingNamingEpochAndBatch() throws {
        let clean = SeparableRows.samples(40, shape: [6], classes: 3, seed: 3)
        var features = clean.features
        features[25 * 6] = .nan  // row 25: the fourth batch of 8 when not shuffled
        let d = Samples(shape: [6], features: features, labels: clean.labels)
        var g = SeededGenerator(seed: 4)
        let model = try Model(spec: small, generator: &g)
        let config = FitConfig(epochs: 2, batchSize: 8, shuffle: false, threads: 1)
        XCTAssertThrowsError(try model.fit(d, config: config, generator: &g)) { error in
            XCTAssertEqual(
                (error as? TrainingError)?.message,
                "the loss became NaN at epoch 1, batch 4 of 5; training stopped (as Keras' TerminateOnNaN does). "
                    + "Lower the learning rate, or scale the inputs (e.g. `scale: 255`)")
        }
        // A NaN only in the validation rows stops at the end of the epoch.
        features = clean.features
        features[38 * 6] = .nan
        let v = Samples(shape: [6], features: features, labels: clean.labels)
        XCTAssertThrowsError(
            try model.fit(v, config: FitConfig(epochs: 2, batchSize: 8, validationSplit: 0.25), generator: &g)
        ) { error in
            XCTAssertTrue(
                (error as? TrainingError)?.message.hasPrefix("the validation loss became NaN at the end of epoch 1")
                    == true, "\(error)")
        }
    }
}
