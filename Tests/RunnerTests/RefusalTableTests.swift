import Foundation
import XCTest

/// Issue 18: notebooks that used to pass the check and then trap, abort or run away are refused
/// by the check, at the offending line, with exit 1, before anything trains or is written.
final class RefusalTableTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws {
        harness = try CommandLineHarness()
    }

    override func tearDown() {
        harness.cleanUp()
    }

    struct Case {
        let name: String
        let edit: (String) -> String
        /// `small.md:LINE:COL: error:` prefix expected in stderr.
        let location: String
        let message: String
    }

    /// Replaces the first occurrence of `old` only.
    static func first(_ old: String, _ new: String) -> (String) -> String {
        { text in
            guard let range = text.range(of: old) else { return text + "\nMISSING \(old)" }
            return text.replacingCharacters(in: range, with: new)
        }
    }

    static let overflow: [Case] = [
        Case(
            // The first size that overflows is the Flatten's product of the Conv2D's output.
            name: "Conv2D with Int.max filters", edit: first("Conv2D(4, 3,", "Conv2D(9223372036854775807, 3,"),
            location: "small.md:36:1", message: "Flatten's output size 13 × 13 × 9223372036854775807 is larger than"),
        Case(
            name: "Dense with Int.max units", edit: first("Dense(16,", "Dense(9223372036854775807,"),
            location: "small.md:37:1", message: "its parameter count 676 × 9223372036854775807 is larger than"),
        Case(
            name: "input whose element count overflows",
            edit: first("Input(shape=(28, 28, 1))", "Input(shape=(3037000500, 3037000500, 1))"),
            location: "small.md:33:1", message: "its output size 3037000500 × 3037000500 × 1 is larger than"),
        Case(
            name: "Dense after a Flatten of 10^18 elements",
            edit: first("Input(shape=(28, 28, 1))", "Input(shape=(1000000000, 1000000000, 1))"),
            location: "small.md:37:1", message: "its parameter count"),
    ]

    static let memory: [Case] = [
        Case(
            name: "Dense(2000000000)", edit: first("Dense(16,", "Dense(2000000000,"),
            location: "small.md:37:1", message: "model `tiny` needs ~"),
        Case(
            name: "a 100000 x 100000 x 3 input",
            edit: first("Input(shape=(28, 28, 1))", "Input(shape=(100000, 100000, 3))"),
            location: "small.md:37:1", message: "to train even one sample"),
        Case(
            // Reported at the largest layer: the Dense that takes the Conv2D's flattened output.
            name: "Conv2D(10000000, 3)", edit: first("Conv2D(4, 3,", "Conv2D(10000000, 3,"),
            location: "small.md:37:1", message: "to train even one sample"),
        Case(
            name: "a batch of 60,000 through a wide layer (MNIST's rows known without reading it)",
            edit: {
                first("idx: ${fixtures}", "source: mnist")(
                    first("batch_size: 32", "batch_size: 100000000")(first("Dense(16,", "Dense(1000000,")($0)))
            },
            location: "small.md:52:1", message: "to train at batch 60000"),
    ]

    /// Class 3: plot and grid options that used to crash after all the training; class 4: ids that
    /// used to fail at write time.
    static let options: [Case] = [
        Case(
            name: "xlim reversed", edit: first("title: Loss", "title: Loss\nxlim: [10, 1]"),
            location: "small.md:83:7", message: "`xlim` must be `[low, high]` with low below high, got `[10.0, 1.0]`"),
        Case(
            name: "xlim through zero on a log x axis",
            edit: first("title: Loss", "title: Loss\nxscale: log\nxlim: [0, 10]"),
            location: "small.md:84:7", message: "`xlim` must be positive on a log scale (`xscale: log`)"),
        Case(
            name: "negative ylim on a log y axis",
            edit: first("title: Loss", "title: Loss\nyscale: log\nylim: [-1, 1]"),
            location: "small.md:84:7", message: "`ylim` must be positive on a log scale (`yscale: log`)"),
        Case(
            name: "infinite ylim", edit: first("title: Loss", "title: Loss\nylim: [0, 1e999]"),
            location: "small.md:83:11", message: "`ylim` must be a number, got `1e999`"),
        Case(
            name: "a samples grid 100,000,000 columns wide", edit: first("columns: 8", "columns: 100000000"),
            location: "small.md:27:10", message: "`columns` must be at most 64, got `100000000`"),
        Case(
            name: "a 250-character id",
            edit: first("{train} baseline", "{train} " + String(repeating: "b", count: 250)),
            location: "small.md:64:12", message: "is 250 characters long; ids are at most 64"),
    ]

    func testOptionsThatCrashedAfterTrainingAreRefusedAtTheirLine() throws {
        try check(Self.options)
    }

    func testSizesThatOverflowAreRefusedAtTheLayer() throws {
        try check(Self.overflow)
    }

    func testTrainingsTooBigForThisMachineAreRefusedWithTheEstimate() throws {
        try check(Self.memory)
    }

    func check(_ cases: [Case]) throws {
        for testCase in cases {
            let notebook = try harness.notebook(edit: testCase.edit)
            let outcome = try harness.run([notebook.path] + harness.fixtureArguments)
            XCTAssertEqual(outcome.status, 1, "\(testCase.name): \(outcome.stderr)")
            XCTAssertTrue(
                outcome.stderr.contains("\(testCase.location): error:"), "\(testCase.name): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains(testCase.message), "\(testCase.name): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains("nothing was run or written"), "\(testCase.name)")
            XCTAssertFalse(outcome.stderr.contains("[3/6]"), "\(testCase.name): something ran: \(outcome.stderr)")
            for written in ["small.lock.json", "output"] {
                XCTAssertFalse(
                    FileManager.default.fileExists(atPath: harness.folder.appendingPathComponent(written).path),
                    "\(testCase.name): \(written) was written")
            }
        }
    }
}
