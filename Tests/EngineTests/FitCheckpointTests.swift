import TestSupport
import XCTest

@testable import Engine

/// Per-epoch checkpoints: a fit stopped after epoch k and resumed from its checkpoint ends with
/// the same bits (weights, history values, generator) as the fit that was never stopped.
final class FitCheckpointTests: XCTestCase {
    /// Dropout (generator), BatchNormalization (moving statistics, not trainable) and two dense layers.
    private let spec = ModelSpec(layers: [
        .input(shape: [12]),
        .dense(units: 16, activation: .relu, useBias: true),
        .batchNormalization(momentum: 0.99, epsilon: 0.001),
        .dropout(rate: 0.3),
        .dense(units: 4, activation: .softmax, useBias: true),
    ])

    private struct Result: Equatable {
        var weights: [[UInt32]]
        var metrics: [[UInt32?]]
        var generator: UInt64
    }

    /// Bit patterns of the weights and of every history value except the epoch's wall time.
    private func result(_ model: Model, _ history: History, _ generator: SeededGenerator) -> Result {
        Result(
            weights: model.parameters.map { $0.map(\.bitPattern) },
            metrics: history.epochs.map {
                [$0.loss.bitPattern, $0.accuracy.bitPattern, $0.valLoss?.bitPattern, $0.valAccuracy?.bitPattern]
            },
            generator: generator.state)
    }

    private func straight(_ config: FitConfig, _ samples: Samples) throws -> (Result, [FitCheckpoint]) {
        var g = SeededGenerator(seed: 7)
        let model = try Model(spec: spec, generator: &g)
        var saved: [FitCheckpoint] = []
        let history = try model.fit(samples, config: config, generator: &g, resumingFrom: nil) { saved.append($0) }
        return (result(model, history, g), saved)
    }

    /// Stops after `k` epochs (the checkpoint hook throws), then resumes in a fresh model from the
    /// checkpoint's bytes.
    private func interrupted(after k: Int, _ config: FitConfig, _ samples: Samples) throws -> Result {
        struct Stop: Error {}
        var g = SeededGenerator(seed: 7)
        let first = try Model(spec: spec, generator: &g)
        var bytes = Data()
        XCTAssertThrowsError(
            try first.fit(samples, config: config, generator: &g, resumingFrom: nil) { checkpoint in
                bytes = checkpoint.encoded()
                if checkpoint.epoch == k { throw Stop() }
            }
        ) { XCTAssertTrue($0 is Stop) }
        var fresh = SeededGenerator(seed: 7)
        let second = try Model(spec: spec, generator: &fresh)
        let checkpoint = try FitCheckpoint(decoding: bytes)
        XCTAssertEqual(checkpoint.epoch, k)
        var resumedEpochs: [Int] = []
        let history = try second.fit(
            samples, config: config, generator: &fresh, resumingFrom: checkpoint, checkpoint: { _ in },
            progress: { if case .epochBegan(let epoch, _, _) = $0 { resumedEpochs.append(epoch) } })
        XCTAssertEqual(resumedEpochs, Array((k + 1)..<(config.epochs + 1)), "only the epochs after the checkpoint run")
        return result(second, history, fresh)
    }

    func testResumedFitHasTheBitsOfTheStraightFitForEveryOptimizer() throws {
        let samples = SeparableRows.samples(300, shape: [12], classes: 4, seed: 3)
        let optimizers: [OptimizerSpec] = [
            .kerasAdam, .sgd(learningRate: 0.05, momentum: 0.9, nesterov: true),
            .rmsprop(learningRate: 0.002, rho: 0.9, momentum: 0.5, epsilon: 1e-7),
        ]
        for optimizer in optimizers {
            let config = FitConfig(optimizer: optimizer, epochs: 4, batchSize: 32, validationSplit: 0.2, threads: 2)
            let (expected, saved) = try straight(config, samples)
            XCTAssertEqual(saved.map(\.epoch), [1, 2, 3, 4])
            for k in [1, 3] {
                XCTAssertEqual(try interrupted(after: k, config, samples), expected, "\(optimizer), stopped after \(k)")
            }
            // A checkpoint of the last epoch resumes into no training at all.
            XCTAssertEqual(try interrupted(after: 4, config, samples), expected, "\(optimizer), stopped after 4")
        }
    }

    /// The resumed run really depends on the checkpoint's state: resuming from epoch 1's
    /// checkpoint with the generator of another seed ends elsewhere.
    func testTheGeneratorStateIsPartOfTheCheckpoint() throws {
        let samples = SeparableRows.samples(200, shape: [12], classes: 4, seed: 5)
        let config = FitConfig(epochs: 3, batchSize: 16, threads: 1)
        let (expected, saved) = try straight(config, samples)
        var altered = saved[0]
        altered.generator = SeededGenerator(seed: 99)
        var g = SeededGenerator(seed: 7)
        let model = try Model(spec: spec, generator: &g)
        let history = try model.fit(samples, config: config, generator: &g, resumingFrom: altered, checkpoint: { _ in })
        XCTAssertNotEqual(result(model, history, g).weights, expected.weights)
    }

    func testEncodingRoundTripsAndRejectsOtherBytes() throws {
        let samples = SeparableRows.samples(100, shape: [12], classes: 4, seed: 1)
        let (_, saved) = try straight(FitConfig(epochs: 2, batchSize: 10, validationSplit: 0.1, threads: 1), samples)
        let bytes = saved[1].encoded()
        XCTAssertEqual(try FitCheckpoint(decoding: bytes), saved[1])
        XCTAssertThrowsError(try FitCheckpoint(decoding: bytes.dropLast(5)))
        XCTAssertThrowsError(try FitCheckpoint(decoding: Data("NBRUNFIX".utf8) + bytes.dropFirst(8)))
        XCTAssertThrowsError(try FitCheckpoint(decoding: bytes + Data([0])))
    }

    func testACheckpointOfAnotherFitIsRefused() throws {
        let samples = SeparableRows.samples(100, shape: [12], classes: 4, seed: 1)
        let config = FitConfig(epochs: 2, batchSize: 10, threads: 1)
        let (_, saved) = try straight(config, samples)
        var g = SeededGenerator(seed: 7)
        let model = try Model(spec: spec, generator: &g)
        XCTAssertThrowsError(try model.checkResumable(saved[0], data: samples.slice(0..<90), config: config)) {
            XCTAssertEqual(($0 as? TrainingError)?.message, "the checkpoint has 100 training rows, the data 90")
        }
        XCTAssertThrowsError(try model.checkResumable(saved[1], data: samples, config: FitConfig(epochs: 1)))
        var wrongOrder = saved[0]
        wrongOrder.order[0] = wrongOrder.order[1]
        XCTAssertThrowsError(try model.checkResumable(wrongOrder, data: samples, config: config))
        let other = try Model(
            spec: ModelSpec(layers: [.input(shape: [12]), .dense(units: 4, activation: .softmax, useBias: true)]),
            generator: &g)
        XCTAssertThrowsError(try other.checkResumable(saved[0], data: samples, config: config)) {
            XCTAssertEqual(($0 as? TrainingError)?.message, "the checkpoint's tensors do not fit this model")
        }
    }
}
