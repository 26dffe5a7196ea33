import Foundation
import XCTest

@testable import Engine

/// Keras' top-k categorical accuracy against NumPy (scripts/training/make_fixtures.py) on score
/// matrices with deliberate ties: a tie with the label's score never pushes it out of the top k.
final class TopKTests: XCTestCase {
    func testMatchesKerasInTopKWithTies() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/training-reference.json")
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let cases = root["top_k"] as! [[String: Any]]
        XCTAssertEqual(cases.count, 4)
        for c in cases {
            let scores = c.floats("scores")
            let labels = c.ints("labels").map(Int32.init)
            let classes = c.int("classes")
            let k = c.int("k")
            let count = scores.withUnsafeBufferPointer { s in
                labels.withUnsafeBufferPointer { l in
                    TopK.count(
                        output: s.baseAddress!, labels: l.baseAddress!, batch: labels.count, classes: classes, k: k)
                }
            }
            XCTAssertEqual(Double(count) / Double(labels.count), (c["expected"] as! NSNumber).doubleValue, "k=\(k)")
        }
    }

    /// Every class tied: the label is in the top 1 (no class scores strictly higher), as in Keras.
    func testAllTiedCountsAsInTopK() {
        let scores: [Float] = [0.25, 0.25, 0.25, 0.25, 0.1, 0.7, 0.1, 0.1]
        let labels: [Int32] = [3, 0]
        let count = TopK.count(output: scores, labels: labels, batch: 2, classes: 4, k: 1)
        XCTAssertEqual(count, 1)
    }

    /// In `fit` and `evaluate`: recorded only when asked, and with k = classes every row counts.
    func testFitAndEvaluateRecordTopK() throws {
        let spec = ModelSpec(layers: [.input(shape: [4]), .dense(units: 3, activation: .softmax, useBias: true)])
        var g = SeededGenerator(seed: 4)
        let model = try Model(spec: spec, generator: &g)
        let features = (0..<80).map { Float($0 % 7) / 7 }
        let data = Samples(shape: [4], features: features, labels: (0..<20).map { Int32($0 % 3) })
        var config = FitConfig(epochs: 2, batchSize: 4, validationSplit: 0.25, threads: 1)
        let plain = try Model(spec: spec, generator: &g).fit(data, config: config, generator: &g)
        XCTAssertTrue(plain.topKAccuracy.isEmpty)
        config.topK = 3
        let history = try model.fit(data, config: config, generator: &g)
        XCTAssertEqual(history.topKAccuracy, [1, 1])
        XCTAssertEqual(history.valTopKAccuracy, [1, 1])
        config.topK = 1
        let top1 = try model.fit(data, config: config, generator: &g)
        XCTAssertEqual(top1.topKAccuracy, top1.accuracy, "top-1 is accuracy when no outputs tie")
        let evaluation = model.evaluate(data, topK: 2)
        XCTAssertNotNil(evaluation.topKAccuracy)
        XCTAssertGreaterThanOrEqual(evaluation.topKAccuracy!, evaluation.accuracy)
        XCTAssertNil(model.evaluate(data).topKAccuracy)
    }
}
