import XCTest

@testable import Engine

/// `fit(onStep:)`, the step trace of the Keras parity harness: the same bits as `fit`, every
/// epoch's rows a permutation of the training rows, and step losses that add up to the epoch's loss.
final class TracedFitTests: XCTestCase {
    private let spec = ModelSpec(layers: [
        .input(shape: [5]),
        .dense(units: 7, activation: .relu, useBias: true),
        .dropout(rate: 0.25),
        .dense(units: 3, activation: .softmax, useBias: true),
    ])

    private func samples() -> Samples {
        var g = SeededGenerator(seed: 11)
        let labels = (0..<45).map { _ in Int32(g.nextInt(below: 3)) }
        let features = labels.flatMap { label in
            (0..<5).map { j in Float(j % 3 == Int(label) ? 1 : 0) + 0.3 * g.nextUniformFloat() }
        }
        return Samples(shape: [5], features: features, labels: labels)
    }

    func testTracedFitIsFitWithItsSteps() throws {
        let data = samples()
        let config = FitConfig(epochs: 3, batchSize: 8, validationSplit: 0.2)
        var g1 = SeededGenerator(seed: 5)
        let plain = try Model(spec: spec, generator: &g1)
        let expected = try plain.fit(data, config: config, generator: &g1)

        var g2 = SeededGenerator(seed: 5)
        let traced = try Model(spec: spec, generator: &g2)
        var steps: [FitStep] = []
        var afterTwo: [[Float]] = []
        let history = try traced.fit(data, config: config, generator: &g2) { step in
            steps.append(step)
            if step.step == 1 { afterTwo = traced.parameters }
        }
        XCTAssertEqual(history.loss, expected.loss)
        XCTAssertEqual(history.valLoss, expected.valLoss)
        XCTAssertEqual(traced.parameters, plain.parameters)
        XCTAssertEqual(g1.state, g2.state)

        // 36 training rows in batches of 8: 5 steps per epoch, the last of 4 rows.
        XCTAssertEqual(steps.count, 15)
        XCTAssertEqual(steps.map(\.step), Array(0..<15))
        XCTAssertEqual(steps.map(\.rows.count), Array(repeating: [8, 8, 8, 8, 4], count: 3).flatMap { $0 })
        for epoch in 1...3 {
            let ofEpoch = steps.filter { $0.epoch == epoch }
            XCTAssertEqual(ofEpoch.flatMap(\.rows).sorted(), Array(0..<36), "epoch \(epoch) is a permutation")
            let mean = ofEpoch.reduce(0) { $0 + $1.lossSum } / 36
            XCTAssertEqual(Float(mean), history.loss[epoch - 1], "epoch \(epoch): steps add up to the epoch's loss")
        }
        XCTAssertNotEqual(steps[0].rows.map { $0 }, steps[5].rows.map { $0 }, "each epoch draws a new order")
        XCTAssertEqual(steps[0].loss, steps[0].lossSum / 8)
        XCTAssertNotEqual(afterTwo, traced.parameters)
    }

    /// `dropoutMasks` read in `onStep` are the masks that step applied: each step's loss, recomputed
    /// in Float64 from the weights before the step with those masks (x W1 + b1, ReLU, kept elements
    /// times 1 / (1 - rate), W2 + b2, softmax, cross-entropy), is the loss the step measured. With the
    /// masks replaced by all ones the recomputation misses by more than ten times the tolerance
    /// (the check can fail). The kept fraction is
    /// 1 - rate within 4 binomial standard deviations.
    func testDropoutMasksAreTheMasksOfTheStep() throws {
        let data = samples()
        let config = FitConfig(epochs: 3, batchSize: 8, validationSplit: 0.2)
        var g = SeededGenerator(seed: 9)
        let model = try Model(spec: spec, generator: &g)
        var before = model.parameters
        var checked = 0
        var kept = 0
        var flags = 0
        _ = try model.fit(data, config: config, generator: &g) { step in
            let masks = model.dropoutMasks(batch: step.rows.count)
            XCTAssertEqual(masks.count, 1)
            XCTAssertEqual(masks[0].shape, [7])
            XCTAssertEqual(masks[0].keep.count, step.rows.count * 7)
            let loss = Self.loss(data, rows: Array(step.rows), weights: before, keep: masks[0].keep, rate: 0.25)
            XCTAssertEqual(loss, step.lossSum, accuracy: 1e-5 * step.lossSum, "step \(step.step)")
            let ones = [UInt8](repeating: 1, count: masks[0].keep.count)
            if masks[0].keep.contains(0) {
                let unmasked = Self.loss(data, rows: Array(step.rows), weights: before, keep: ones, rate: 0.25)
                XCTAssertGreaterThan(abs(unmasked - step.lossSum), 1e-4 * step.lossSum, "step \(step.step)")
            }
            kept += masks[0].keep.reduce(0) { $0 + Int($1) }
            flags += masks[0].keep.count
            before = model.parameters
            checked += 1
        }
        XCTAssertEqual(checked, 15)
        let sd = (Double(flags) * 0.75 * 0.25).squareRoot()
        XCTAssertEqual(Double(kept), 0.75 * Double(flags), accuracy: 4 * sd)
        XCTAssertTrue(model.dropoutMasks(batch: 2).allSatisfy { $0.keep.count == 14 })
    }

    /// The batch's summed cross-entropy of the test model, in Float64, from Keras-layout weights
    /// (W1 (5, 7), b1, W2 (7, 3), b2) and Dropout keep flags (batch × 7).
    private static func loss(_ data: Samples, rows: [Int], weights w: [[Float]], keep: [UInt8], rate: Float) -> Double {
        let scale = Double(1 / (1 - rate))
        var sum = 0.0
        for (i, row) in rows.enumerated() {
            let x = data.features[row * 5..<(row + 1) * 5].map(Double.init)
            let h = (0..<7).map { j -> Double in
                let z = (0..<5).reduce(Double(w[1][j])) { $0 + x[$1] * Double(w[0][$1 * 7 + j]) }
                return max(z, 0) * (keep[i * 7 + j] == 1 ? scale : 0)
            }
            let logits = (0..<3).map { c in (0..<7).reduce(Double(w[3][c])) { $0 + h[$1] * Double(w[2][$1 * 3 + c]) } }
            let top = logits.max()!
            let logSum = log(logits.reduce(0) { $0 + exp($1 - top) }) + top
            sum += logSum - logits[Int(data.labels[row])]
        }
        return sum
    }
}
