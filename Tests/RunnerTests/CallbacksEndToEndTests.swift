import Foundation
import XCTest

/// Callbacks and `{report}` through the CLI on the MNIST subset: EarlyStopping ends each seed at its
/// own epoch, ReduceLROnPlateau's rates reach the history and the lock, the restored weights are the
/// best epoch's, and the report table shows sklearn's rows with mean ± sd.
final class CallbacksEndToEndTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws {
        harness = try CommandLineHarness()
    }

    override func tearDown() {
        harness.cleanUp()
    }

    func testEarlyStoppingReduceLROnPlateauAndReport() throws {
        let notebook = try harness.notebook("callbacks.md")
        let run = try harness.run([notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(run.status, 0, run.stderr)
        let lockURL = harness.folder.appendingPathComponent("callbacks.lock.json")
        let lock = try JSONSerialization.jsonObject(with: Data(contentsOf: lockURL)) as! [String: Any]
        let directives = lock["directives"] as! [String: Any]
        for node in ["train net", "train net[2]"] {
            let history = (directives[node] as! [String: Any])["history"] as! [String: [Double]]
            let stopped = Int(try XCTUnwrap(history["stopped_epoch"]?.first))
            let best = Int(try XCTUnwrap(history["best_epoch"]?.first))
            let valLoss = try XCTUnwrap(history["val_loss"])
            let rates = try XCTUnwrap(history["learning_rate"])
            XCTAssertGreaterThan(stopped, 0, node)
            XCTAssertEqual(valLoss.count, stopped, "the history ends where training stopped (\(node))")
            XCTAssertEqual(rates.count, stopped, node)
            XCTAssertEqual(best, valLoss.indices.min { valLoss[$0] < valLoss[$1] }! + 1, node)
            XCTAssertEqual(rates.first!, 0.001, accuracy: 1e-9)
            XCTAssertLessThan(rates.last!, 0.001, "patience 1 halves the rate after a worse epoch (\(node))")
        }
        let html = try String(
            contentsOf: harness.folder.appendingPathComponent("output/callbacks/index.html"), encoding: .utf8)
        for row in ["precision", "recall", "f1-score", "support", "accuracy", "macro avg", "weighted avg"] {
            XCTAssertTrue(html.contains(row), row)
        }
        XCTAssertNotNil(html.range(of: #"0\.\d{3} ± 0\.\d{3}"#, options: .regularExpression))
        XCTAssertTrue(html.contains("✓"), "the claim holds")
        let check = try harness.run(["check", notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }
}
