import TestSupport
import XCTest

@testable import Engine

/// Per-epoch checkpoints of pruned fine-tuning: stopped after epoch k and resumed from the
/// checkpoint's bytes, one-shot masks and a gradual schedule end with the bits (weights, history
/// values, masks, generator) of the fine-tuning that was never stopped.
final class PrunedFitCheckpointTests: XCTestCase {
    private let spec = SeparableRows.classifier

    /// The fine-tuning's start: trained weights, and either their 70 % masks (one-shot) or keep-all
    /// masks with a schedule that ramps to 80 % over steps 0...9 of 4 epochs of 5 steps.
    private struct Start {
        let weights: [[Float]]
        let masks: PruningMasks
        let schedule: GradualSchedule?
    }

    private func start(gradual: Bool, _ samples: Samples) throws -> Start {
        var g = SeededGenerator(seed: 11)
        let model = try Model(spec: spec, generator: &g)
        _ = try model.fit(samples, config: FitConfig(epochs: 1, batchSize: 16, threads: 1), generator: &g)
        guard gradual else {
            return Start(
                weights: model.parameters, masks: model.magnitudeMasks(sparsity: 0.7, scope: .global), schedule: nil)
        }
        return Start(
            weights: model.parameters,
            masks: PruningMasks.keepAll(
                shapes: model.parameters.map(\.count), prunable: model.prunableParameterIndices),
            schedule: GradualSchedule(initialSparsity: 0.2, finalSparsity: 0.8, beginStep: 0, endStep: 9, frequency: 3))
    }

    private let config = FitConfig(
        optimizer: .adam(learningRate: 0.005, beta1: 0.9, beta2: 0.999, epsilon: 1e-7), epochs: 4, batchSize: 16,
        validationSplit: 0.2, threads: 1)

    private struct Result: Equatable {
        var weights: [[UInt32]]
        var metrics: [[UInt32?]]
        var masks: PruningMasks
        var generator: UInt64
    }

    /// Fine-tunes from `start` (resuming from `checkpoint` when given); `stop` may throw from the
    /// checkpoint hook to interrupt.
    private func fineTune(
        _ start: Start, _ samples: Samples, from checkpoint: PrunedFitCheckpoint?,
        stop: @escaping (PrunedFitCheckpoint) throws -> Void, epochs: inout [Int]
    ) throws -> Result {
        var g = SeededGenerator(seed: 5)
        let model = try Model(spec: spec, generator: &g)
        model.parameters = start.weights
        model.applyMasks(start.masks)
        var fresh = SeededGenerator(seed: 21)
        var began: [Int] = []
        let (history, masks) = try model.fitPruned(
            samples, config: config, masks: start.masks, schedule: start.schedule, scope: .global,
            generator: &fresh, resumingFrom: checkpoint, checkpoint: stop,
            progress: { if case .epochBegan(let epoch, _, _) = $0 { began.append(epoch) } })
        epochs = began
        return Result(
            weights: model.parameters.map { $0.map(\.bitPattern) },
            metrics: history.epochs.map {
                [$0.loss.bitPattern, $0.accuracy.bitPattern, $0.valLoss?.bitPattern, $0.valAccuracy?.bitPattern]
            }, masks: masks, generator: fresh.state)
    }

    func testResumedFineTuningHasTheBitsOfTheStraightOne() throws {
        struct Stop: Error {}
        // 100 rows, 20 % validation: 80 training rows, 5 steps of 16 per epoch.
        let samples = SeparableRows.samples(100, shape: [12], classes: 3, seed: 3)
        for gradual in [false, true] {
            let begin = try start(gradual: gradual, samples)
            var epochs: [Int] = []
            var saved: [PrunedFitCheckpoint] = []
            let expected = try fineTune(begin, samples, from: nil, stop: { saved.append($0) }, epochs: &epochs)
            XCTAssertEqual(saved.map(\.epoch), [1, 2, 3, 4])
            if gradual {
                // The ramp changes the masks between the checkpoints of epochs 1 and 2 (steps 5...9).
                XCTAssertNotEqual(saved[0].masks, saved[1].masks)
                XCTAssertEqual(saved[1].masks, expected.masks)
            }
            for k in [1, 2, 4] {
                var bytes = Data()
                XCTAssertThrowsError(
                    try fineTune(
                        begin, samples, from: nil,
                        stop: { checkpoint in
                            bytes = checkpoint.encoded()
                            if checkpoint.epoch == k { throw Stop() }
                        }, epochs: &epochs)
                ) { XCTAssertTrue($0 is Stop) }
                let checkpoint = try PrunedFitCheckpoint(decoding: bytes)
                XCTAssertEqual(
                    withoutTimes(checkpoint), withoutTimes(saved[k - 1]), "gradual \(gradual), after \(k)")
                let resumed = try fineTune(begin, samples, from: checkpoint, stop: { _ in }, epochs: &epochs)
                XCTAssertEqual(epochs, Array((k + 1)..<5), "only the epochs after the checkpoint run")
                XCTAssertEqual(resumed, expected, "gradual \(gradual), stopped after \(k)")
            }
        }
    }

    /// The checkpoint with its epochs' wall times set to 0 (the only values that may differ).
    private func withoutTimes(_ checkpoint: PrunedFitCheckpoint) -> PrunedFitCheckpoint {
        var copy = checkpoint
        for index in copy.fit.history.epochs.indices { copy.fit.history.epochs[index].seconds = 0 }
        return copy
    }

    /// The saved masks matter: resuming a one-shot fine-tuning with keep-all masks lets the pruned
    /// weights grow back and ends elsewhere.
    func testTheMasksArePartOfTheCheckpoint() throws {
        let samples = SeparableRows.samples(100, shape: [12], classes: 3, seed: 3)
        let begin = try start(gradual: false, samples)
        var epochs: [Int] = []
        var saved: [PrunedFitCheckpoint] = []
        let expected = try fineTune(begin, samples, from: nil, stop: { saved.append($0) }, epochs: &epochs)
        var altered = saved[0]
        altered.masks = PruningMasks.keepAll(
            shapes: begin.weights.map(\.count), prunable: begin.masks.prunableIndices)
        XCTAssertNotEqual(try fineTune(begin, samples, from: altered, stop: { _ in }, epochs: &epochs), expected)
    }

    func testEncodingRoundTripsAndRefusesOtherBytesAndOtherModels() throws {
        let samples = SeparableRows.samples(100, shape: [12], classes: 3, seed: 3)
        let begin = try start(gradual: false, samples)
        var epochs: [Int] = []
        var saved: [PrunedFitCheckpoint] = []
        _ = try fineTune(begin, samples, from: nil, stop: { saved.append($0) }, epochs: &epochs)
        let bytes = saved[1].encoded()
        XCTAssertEqual(try PrunedFitCheckpoint(decoding: bytes), saved[1])
        XCTAssertThrowsError(try PrunedFitCheckpoint(decoding: bytes.dropLast(3)))
        XCTAssertThrowsError(try PrunedFitCheckpoint(decoding: bytes + Data([0])))
        XCTAssertThrowsError(try PrunedFitCheckpoint(decoding: saved[1].fit.encoded())) {
            XCTAssertEqual(($0 as? TrainingError)?.message, "not an nbrun pruning checkpoint")
        }
        var g = SeededGenerator(seed: 1)
        let model = try Model(spec: spec, generator: &g)
        var otherMasks = saved[1]
        otherMasks.masks.masks[0] = nil
        XCTAssertThrowsError(try model.checkResumable(otherMasks, data: samples, config: config, masks: begin.masks)) {
            XCTAssertEqual(
                ($0 as? TrainingError)?.message, "the checkpoint's masks do not fit this model's pruned tensors")
        }
        XCTAssertNoThrow(try model.checkResumable(saved[1], data: samples, config: config, masks: begin.masks))
    }
}
