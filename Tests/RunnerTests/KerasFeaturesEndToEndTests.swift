import Foundation
import XCTest

/// The notebook that pastes every feature of the regularisation vocabulary as Keras code
/// (keras-features.md) runs through the CLI on the MNIST subset: the lock holds each value under
/// Keras' name, the progress says where EarlyStopping stopped, the page has its report and
/// figure, and `check` passes.
final class KerasFeaturesEndToEndTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws {
        harness = try CommandLineHarness()
    }

    override func tearDown() {
        harness.cleanUp()
    }

    private typealias Record = [String: Any]

    func testEveryFeatureRunsWithKerasNamesAndChecks() throws {
        let notebook = try harness.notebook("keras-features.md")
        let run = try harness.run([notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(run.status, 0, run.stderr)
        let lock =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: harness.folder.appendingPathComponent("keras-features.lock.json"))) as! Record
        let directives = lock["directives"] as! [String: Record]
        func history(_ id: String) throws -> [String: [Double]] {
            try XCTUnwrap(directives["train \(id)"]?["history"] as? [String: [Double]], id)
        }
        func metrics(_ id: String) throws -> [String: Double] {
            try XCTUnwrap(directives["evaluate \(id)"]?["metrics"] as? [String: Double], id)
        }

        // EarlyStopping with ReduceLROnPlateau: a shorter history, the best epoch's weights, halved rates.
        let stopped = try history("dense_stopped")
        let stoppedEpoch = Int(try XCTUnwrap(stopped["stopped_epoch"]?.first))
        let bestEpoch = Int(try XCTUnwrap(stopped["best_epoch"]?.first))
        let valLoss = try XCTUnwrap(stopped["val_loss"])
        XCTAssertTrue((2..<40).contains(stoppedEpoch), "the dense model overfits 400 rows and stops early")
        XCTAssertEqual(valLoss.count, stoppedEpoch)
        XCTAssertLessThanOrEqual(valLoss[bestEpoch - 1], valLoss.min()! + 1e-3, "best within min_delta of the minimum")
        XCTAssertTrue(
            run.stderr.contains(
                "stopped early at epoch \(stoppedEpoch) of 40 (best epoch \(bestEpoch), weights restored)"),
            run.stderr)
        let rates = try XCTUnwrap(stopped["learning_rate"])
        XCTAssertEqual(rates.count, stoppedEpoch)
        XCTAssertEqual(rates.first!, 0.003, accuracy: 1e-9)
        for rate in rates {
            let halvings = log2(0.003 / rate).rounded()
            XCTAssertEqual(rate, max(0.003 / pow(2, halvings), 1e-4), accuracy: 1e-9, "factor=0.5, min_lr=1e-4")
        }

        // Top-k under Keras' names: never below accuracy, one value per epoch run.
        for (id, name) in [
            ("dense_stopped", "sparse_top_k_categorical_accuracy"), ("cnn_adamw", "sparse_top_k_categorical_accuracy"),
            ("pooled_sgd", "top_k_categorical_accuracy"),
        ] {
            let h = try history(id)
            for (accuracy, topK) in [("accuracy", name), ("val_accuracy", "val_" + name)] {
                let a = try XCTUnwrap(h[accuracy], "\(id) \(accuracy)")
                let t = try XCTUnwrap(h[topK], "\(id) \(topK)")
                XCTAssertEqual(t.count, a.count, "\(id) \(topK)")
                for (x, y) in zip(a, t) { XCTAssertTrue(y >= x && y <= 1, "\(id) \(topK): \(y) < \(x)") }
            }
        }
        XCTAssertNil(try history("pooled_sgd")["sparse_top_k_categorical_accuracy"])
        XCTAssertEqual(
            Set(try history("dense_decay").keys), ["loss", "accuracy", "val_loss", "val_accuracy"],
            "a train without the metric or callbacks records what it always did")
        for id in ["dense_test", "cnn_test"] {
            let m = try metrics(id)
            let topK = try XCTUnwrap(m["sparse_top_k_categorical_accuracy"], id)
            XCTAssertGreaterThanOrEqual(topK, try XCTUnwrap(m["accuracy"]), id)
        }

        // Printed values: ExponentialDecay's rate after 3 epochs of 13 steps, 0.01 * 0.5^floor(39 / 13).
        let shown = lock["shown"] as! [Record]
        func shownValue(_ expression: String) throws -> Record {
            try XCTUnwrap(shown.first { $0["expression"] as? String == expression }, expression)
        }
        let decayed = try XCTUnwrap(try shownValue("dense_decay.history.learning_rate.last")["value"] as? Double)
        XCTAssertEqual(decayed, 0.01 * pow(0.5, 3), accuracy: 1e-9)
        XCTAssertEqual(try shownValue("dense_stopped.stopped_epoch")["value"] as? Double, Double(stoppedEpoch))

        // The page: the report table, the top-k text, the stopped run's figure.
        let output = harness.folder.appendingPathComponent("output/keras-features")
        let html = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        for row in ["precision", "recall", "f1-score", "support", "macro avg", "weighted avg"] {
            XCTAssertTrue(html.contains(row), row)
        }
        let topKText = try XCTUnwrap(
            try shownValue("dense_test.sparse_top_k_categorical_accuracy | percent(1)")["text"] as? String)
        XCTAssertTrue(html.contains("accuracy and \(topKText)\ntop-5 accuracy"), topKText)
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: output.appendingPathComponent("figures/stopped_curves.png").path))

        let check = try harness.run(["check", notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }
}
