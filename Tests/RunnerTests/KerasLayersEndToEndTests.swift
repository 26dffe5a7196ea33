import Foundation
import XCTest

/// A notebook that pastes each feature of the Keras vocabulary (regularisers, augmentation and
/// global pooling layers, AdamW, Nesterov SGD, schedules) as Keras code runs, passes `check`, and
/// gives the same bits for one and two threads; a bad argument is refused at its line and column.
final class KerasLayersEndToEndTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws {
        harness = try CommandLineHarness()
    }

    override func tearDown() {
        harness.cleanUp()
    }

    private var lockURL: URL { harness.folder.appendingPathComponent("keras-layers.lock.json") }

    func testRunsChecksAndIsDeterministic() throws {
        let notebook = try harness.notebook("keras-layers.md")
        let first = try harness.run([notebook.path] + harness.fixtureArguments, threads: 1)
        XCTAssertEqual(first.status, 0, first.stderr)
        let lock = try Data(contentsOf: lockURL)
        let text = String(decoding: lock, as: UTF8.self)
        XCTAssertTrue(text.contains("adamw_cosine"), text)
        let check = try harness.run(["check", notebook.path] + harness.fixtureArguments, threads: 2)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    func testBadRegularizerIsRefusedAtItsColumnBeforeTraining() throws {
        let notebook = try harness.notebook("keras-layers.md") {
            $0.replacingOccurrences(of: "keras.regularizers.l2(1e-4))", with: "keras.regularizers.l2(l3=1e-4))")
        }
        let outcome = try harness.run([notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(
            outcome.stderr.contains("keras-layers.md:23:59: error: `keras.regularizers.l2` has no argument `l3`"),
            outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: lockURL.path))
    }
}
