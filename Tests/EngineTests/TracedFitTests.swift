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
}
