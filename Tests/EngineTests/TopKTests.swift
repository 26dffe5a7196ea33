import Foundation
import XCTest

@testable import Engine

/// Keras' top-k accuracy (`in_top_k`) against NumPy (scripts/training/make_fixtures.py) on score
/// matrices with deliberate ties, from probabilities and from logits; then inside `fit` and `evaluate`.
final class TopKTests: XCTestCase {
    private static let cases: [[String: Any]] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/training-reference.json")
        let root = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return root["top_k"] as! [[String: Any]]
    }()

    func testMatchesNumPyFromProbabilitiesAndFromLogits() {
        XCTAssertEqual(Self.cases.count, 5)
        for c in Self.cases {
            let labels = c.ints("labels").map(Int32.init)
            let classes = c.int("classes")
            let k = c.int("k")
            let expected = (c["expected"] as! NSNumber).doubleValue * Double(labels.count)
            let fromScores = TopK.count(scores: c.floats("scores"), labels: labels, classes: classes, k: k)
            let fromLogits = TopK.count(
                scores: c.floats("logits"), labels: labels, classes: classes, k: k, softmax: true)
            XCTAssertEqual(Double(fromScores), expected, accuracy: 1e-9, "k=\(k), \(labels.count) rows")
            XCTAssertEqual(Double(fromLogits), expected, accuracy: 1e-9, "k=\(k) from logits")
        }
    }

    /// The last fixture: probabilities that underflow to 0 tie although their logits differ, and
    /// Keras ranks the probabilities, so the label is in the top 2 there and not among the logits.
    func testRanksProbabilitiesNotLogits() {
        let c = Self.cases[4]
        let labels = c.ints("labels").map(Int32.init)
        XCTAssertEqual(TopK.count(scores: c.floats("logits"), labels: labels, classes: 5, k: 2, softmax: true), 1)
        XCTAssertEqual(TopK.count(scores: c.floats("logits"), labels: labels, classes: 5, k: 2, softmax: false), 0)
    }

    /// Every class tied: the label is in the top 1 (no class scores strictly higher); a label
    /// whose score is not finite is never in the top k (TensorFlow's `in_top_k`).
    func testTiesCountAndNonFiniteDoesNot() {
        let scores: [Float] = [0.25, 0.25, 0.25, 0.25, 0.1, 0.7, 0.1, 0.1]
        XCTAssertEqual(TopK.count(scores: scores, labels: [3, 0], classes: 4, k: 1), 1)
        XCTAssertEqual(TopK.count(scores: scores, labels: [3, 0], classes: 4, k: 2), 2)
        let odd: [Float] = [.nan, 0, 0, .infinity, 1, 2]
        XCTAssertEqual(TopK.count(scores: odd, labels: [0, 0], classes: 3, k: 3), 0)
    }

    /// In `fit` and `evaluate`: recorded only when asked, without changing any other number, equal
    /// to accuracy for k = 1 and to 1 for k = classes, and `evaluate`'s value equals a count made
    /// here from `predict`'s probabilities by sorting.
    func testFitAndEvaluateRecordTopK() throws {
        let spec = ModelSpec(layers: [.input(shape: [4]), .dense(units: 5, activation: .softmax, useBias: true)])
        let features = (0..<240).map { Float(($0 * 37) % 11) / 11 }
        let data = Samples(shape: [4], features: features, labels: (0..<60).map { Int32(($0 * 7) % 5) })
        func run(topK: Int) throws -> (History, Model) {
            var g = SeededGenerator(seed: 4)
            let model = try Model(spec: spec, generator: &g)
            var config = FitConfig(epochs: 3, batchSize: 8, validationSplit: 0.25, threads: 1)
            config.topK = topK
            return (try model.fit(data, config: config, generator: &g), model)
        }
        let (plain, plainModel) = try run(topK: 0)
        XCTAssertTrue(plain.topKAccuracy.isEmpty)
        XCTAssertTrue(plain.valTopKAccuracy.isEmpty)
        let (top3, model) = try run(topK: 3)
        XCTAssertEqual(top3.loss, plain.loss)
        XCTAssertEqual(top3.valAccuracy, plain.valAccuracy)
        XCTAssertEqual(model.parameters, plainModel.parameters, "recording top-k changes no weight")
        XCTAssertEqual(top3.topKAccuracy.count, 3)
        XCTAssertEqual(top3.valTopKAccuracy.count, 3)
        for (a, t) in zip(top3.valAccuracy, top3.valTopKAccuracy) { XCTAssertGreaterThanOrEqual(t, a) }
        let (top1, _) = try run(topK: 1)
        XCTAssertEqual(top1.topKAccuracy, top1.accuracy, "top-1 is accuracy when no outputs tie")
        XCTAssertEqual(top1.valTopKAccuracy, top1.valAccuracy)
        XCTAssertEqual(try run(topK: 5).0.valTopKAccuracy, [1, 1, 1])

        let evaluation = model.evaluate(data, batchSize: 7, threads: 1, topK: 2)
        let probabilities = model.predict(data.features, count: data.count, threads: 1)
        var hits = 0
        for (row, label) in data.labels.enumerated() {
            let p = Array(probabilities[row * 5..<(row + 1) * 5])
            let ranked = p.sorted(by: >)
            if p[Int(label)] >= ranked[1] { hits += 1 }
        }
        XCTAssertEqual(evaluation.topKAccuracy, Float(Double(hits) / 60))
        XCTAssertNil(model.evaluate(data).topKAccuracy)
    }

    /// Callbacks see the top-k accuracy under Keras' names: with k = classes it is 1 every epoch,
    /// so EarlyStopping monitoring it stops after `patience` epochs without improvement.
    func testCallbacksMonitorTopK() throws {
        let spec = ModelSpec(layers: [.input(shape: [4]), .dense(units: 3, activation: .softmax, useBias: true)])
        let data = Samples(
            shape: [4], features: (0..<160).map { Float($0 % 9) / 9 }, labels: (0..<40).map { Int32($0 % 3) })
        for name in ["val_sparse_top_k_categorical_accuracy", "top_k_categorical_accuracy"] {
            var g = SeededGenerator(seed: 2)
            let model = try Model(spec: spec, generator: &g)
            var config = FitConfig(epochs: 10, batchSize: 8, validationSplit: 0.25, threads: 1)
            config.topK = 3
            config.callbacks = [.earlyStopping(EarlyStopping.Settings(monitor: name, patience: 1))]
            let history = try model.fit(data, config: config, generator: &g)
            XCTAssertEqual(history.epochs.count, 2, name)
            XCTAssertEqual(history.stoppedEpoch, 2, name)
            XCTAssertEqual(history.bestEpoch, 1, name)
        }
    }
}
