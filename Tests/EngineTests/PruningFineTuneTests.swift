import TestSupport
import XCTest

@testable import Engine

/// Fine-tuning with masks held: pruned weights stay exactly zero, the rest learn.
final class PruningFineTuneTests: XCTestCase {
    private let spec = SeparableRows.classifier

    func testMasksAreHeldDuringFineTuning() throws {
        let d = SeparableRows.samples(120, shape: [12], classes: 3, seed: 3)
        var g = SeededGenerator(seed: 4)
        let model = try Model(spec: spec, generator: &g)
        _ = try model.fit(d, config: FitConfig(epochs: 2, batchSize: 16, validationSplit: 0.25), generator: &g)
        let masks = model.magnitudeMasks(sparsity: 0.75, scope: .layer)
        let before = masks.applied(to: model.parameters)
        let result = try model.fitPruned(
            d,
            config: FitConfig(
                optimizer: .adam(learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7),
                epochs: 3, batchSize: 16, validationSplit: 0.25),
            masks: masks, generator: &g)
        XCTAssertEqual(result.masks, masks)
        XCTAssertEqual(result.history.epochs.count, 3)
        let after = model.parameters
        for index in masks.prunableIndices {
            let mask = masks.masks[index]!
            for i in mask.indices where !mask[i] {
                XCTAssertEqual(after[index][i].bitPattern, 0, "pruned weight \(index)/\(i) moved")
            }
            let moved = mask.indices.filter { mask[$0] && after[index][$0] != before[index][$0] }.count
            // Weights into ReLU units that never fire get no gradient, so not all move; most live ones do.
            XCTAssertGreaterThan(moved, mask.filter { $0 }.count / 4, "kept weights should keep learning")
        }
        XCTAssertNotEqual(after[1], before[1], "biases are trained, not pruned")
    }

    /// A plain fit would let pruned weights grow back: the masks are what keeps them at zero.
    func testWithoutMasksPrunedWeightsRegrow() throws {
        let d = SeparableRows.samples(120, shape: [12], classes: 3, seed: 5)
        var g = SeededGenerator(seed: 6)
        let model = try Model(spec: spec, generator: &g)
        let masks = model.magnitudeMasks(sparsity: 0.5, scope: .global)
        model.applyMasks(masks)
        _ = try model.fit(d, config: FitConfig(epochs: 1, batchSize: 16), generator: &g)
        let regrown = masks.masks[0]!.indices.filter { !masks.masks[0]![$0] && model.parameters[0][$0] != 0 }
        XCTAssertFalse(regrown.isEmpty)
    }

    func testGradualScheduleEndsAtTheFinalSparsity() throws {
        let d = SeparableRows.samples(96, shape: [12], classes: 3, seed: 7)
        var g = SeededGenerator(seed: 8)
        let model = try Model(spec: spec, generator: &g)
        let start = PruningMasks.keepAll(
            shapes: model.parameters.map(\.count), prunable: model.prunableParameterIndices)
        // 96 rows, batch 16: 6 steps per epoch, 12 in all; ramp over steps 0...6, every 2 steps.
        let schedule = GradualSchedule(initialSparsity: 0, finalSparsity: 0.8, beginStep: 0, endStep: 6, frequency: 2)
        let result = try model.fitPruned(
            d, config: FitConfig(epochs: 2, batchSize: 16), masks: start, schedule: schedule,
            scope: .global, generator: &g)
        let total = model.prunableParameterIndices.reduce(0) { $0 + model.parameters[$1].count }
        XCTAssertEqual(
            result.masks.sparsity, Double(MagnitudePruning.removedCount(sparsity: 0.8, of: total)) / Double(total),
            accuracy: 1e-12)
        let zeros = model.prunableParameterIndices.reduce(0) { sum, i in
            sum + model.parameters[i].filter { $0 == 0 }.count
        }
        XCTAssertEqual(zeros, MagnitudePruning.removedCount(sparsity: 0.8, of: total))
    }
}
