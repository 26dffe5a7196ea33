import XCTest

@testable import Engine

/// Magnitude pruning masks against NumPy (`np.argsort(|w|, kind="stable")`, k = round(s n)) and
/// hand-computed cases.
final class PruningMaskTests: XCTestCase {
    /// Three tensors with many equal magnitudes (w = ((37 i + 11 t) mod 101 - 50) / 50), so the
    /// tie-breaking by position is exercised too.
    private let sizes = [20, 30, 12]
    private var tensors: [[Float]] {
        sizes.enumerated().map { t, n in (0..<n).map { i in Float((i * 37 + t * 11) % 101 - 50) / Float(50) } }
    }

    private func pruned(_ masks: PruningMasks) -> [[Int]] {
        masks.masks.map { mask in mask.map { m in m.indices.filter { !m[$0] } } ?? [] }
    }

    /// Reference: NumPy, computed once (script in the test's doc comment above).
    func testLayerAndGlobalMasksMatchNumPy() {
        let layer50 = MagnitudePruning.masks(parameters: tensors, prunable: [0, 1, 2], sparsity: 0.5, scope: .layer)
        XCTAssertEqual(
            pruned(layer50),
            [
                [1, 2, 4, 7, 9, 10, 12, 13, 15, 18],
                [1, 4, 6, 7, 9, 12, 15, 17, 18, 20, 23, 25, 26, 28, 29],
                [1, 3, 4, 6, 9, 11],
            ])
        let global50 = MagnitudePruning.masks(parameters: tensors, prunable: [0, 1, 2], sparsity: 0.5, scope: .global)
        XCTAssertEqual(
            pruned(global50),
            [
                [1, 2, 4, 7, 9, 10, 12, 15, 18],
                [1, 4, 6, 7, 9, 12, 14, 15, 17, 18, 20, 23, 25, 26, 28, 29],
                [1, 3, 4, 6, 9, 11],
            ])
        let layer80 = MagnitudePruning.masks(parameters: tensors, prunable: [0, 1, 2], sparsity: 0.8, scope: .layer)
        XCTAssertEqual(layer80.keptCounts, [4, 6, 2])  // round(0.8 x 12) = round(9.6) = 10 removed
        XCTAssertEqual(pruned(layer80)[2], [0, 1, 3, 4, 6, 7, 8, 9, 10, 11])
    }

    /// Global: one threshold over all tensors; layer: the same fraction in each.
    func testGlobalUsesOneThresholdLayerUsesOneFractionEach() {
        let small: [Float] = [0.1, -0.2, 0.3, -0.4]  // small magnitudes
        let large: [Float] = [1, -2, 3, -4, 5, -6, 7, -8]  // large magnitudes
        let parameters = [small, [9, 9], large]  // the middle tensor is not prunable (a bias)
        let global = MagnitudePruning.masks(parameters: parameters, prunable: [0, 2], sparsity: 0.5, scope: .global)
        XCTAssertEqual(global.masks[0], [false, false, false, false])
        XCTAssertEqual(global.masks[2], [false, false, true, true, true, true, true, true])
        XCTAssertNil(global.masks[1])
        XCTAssertEqual(MagnitudePruning.threshold(parameters: parameters, masks: global), 2)
        let layer = MagnitudePruning.masks(parameters: parameters, prunable: [0, 2], sparsity: 0.5, scope: .layer)
        XCTAssertEqual(layer.masks[0], [false, false, true, true])
        XCTAssertEqual(layer.masks[2], [false, false, false, false, true, true, true, true])
        XCTAssertEqual(layer.sparsity, 0.5, accuracy: 1e-12)
        XCTAssertEqual(global.sparsity, 0.5, accuracy: 1e-12)
        var applied = parameters
        layer.apply(to: &applied)
        XCTAssertEqual(applied, [[0, 0, 0.3, -0.4], [9, 9], [0, 0, 0, 0, 5, -6, 7, -8]])
        XCTAssertEqual(applied[2][1].sign, .plus, "pruned weights are +0")
    }

    func testRemovedCountRoundsHalfToEvenAndClamps() {
        XCTAssertEqual(MagnitudePruning.removedCount(sparsity: 0.5, of: 5), 2)  // 2.5 -> 2
        XCTAssertEqual(MagnitudePruning.removedCount(sparsity: 0.5, of: 7), 4)  // 3.5 -> 4
        XCTAssertEqual(MagnitudePruning.removedCount(sparsity: 0.95, of: 288), 274)
        XCTAssertEqual(MagnitudePruning.removedCount(sparsity: 1, of: 3), 3)
        XCTAssertEqual(MagnitudePruning.removedCount(sparsity: 0, of: 3), 0)
    }

    /// The blog model's kernels are conv2d/kernel, dense/kernel, dense_1/kernel.
    func testPrunableTensorsAreTheKernels() throws {
        var g = SeededGenerator(seed: 1)
        let model = try Model(spec: .blogMNIST(dropout: true), generator: &g)
        XCTAssertEqual(model.prunableParameterIndices, [0, 2, 4])
        XCTAssertEqual(model.prunableLayerNames, ["conv2d", "dense", "dense_1"])
        let masks = model.magnitudeMasks(sparsity: 0.9, scope: .global)
        XCTAssertEqual(masks.keptCounts.compactMap { $0 }.reduce(0, +), 693_792 - 624_413)  // round(0.9 x 693,792)
        model.applyMasks(masks)
        let weights = model.parameters
        for index in [0, 2, 4] {
            let kept = masks.masks[index]!
            XCTAssertEqual(weights[index].indices.filter { weights[index][$0] != 0 }.count, kept.filter { $0 }.count)
        }
        XCTAssertTrue(
            weights[1].allSatisfy { $0 == 0 } && weights[3].allSatisfy { $0 == 0 },
            "biases start at zero and are not pruned")
    }

    /// Zhu & Gupta: s_t = s_f + (s_i - s_f)(1 - (t - t0)/(n dt))^3.
    func testGradualScheduleFollowsTheCubicAndReachesTheFinalSparsity() {
        let schedule = GradualSchedule(
            initialSparsity: 0, finalSparsity: 0.8, beginStep: 0, endStep: 100, frequency: 30)
        XCTAssertEqual(schedule.sparsity(atStep: 0), 0, accuracy: 1e-12)
        XCTAssertEqual(schedule.sparsity(atStep: 50), 0.8 - 0.8 * 0.125, accuracy: 1e-12)
        XCTAssertEqual(schedule.sparsity(atStep: 100), 0.8, accuracy: 1e-12)
        XCTAssertEqual(schedule.sparsity(atStep: 500), 0.8, accuracy: 1e-12)
        let updates = (0...200).filter { schedule.updatesMask(atStep: $0) }
        XCTAssertEqual(updates, [0, 30, 60, 90, 100])
    }
}
