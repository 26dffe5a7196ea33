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

    /// A row whose notebook is small.md with the first `old` replaced by `new`.
    static func replacing(
        _ old: String, with new: String, _ name: String, at location: String, says message: String
    ) -> Case {
        Case(name: name, edit: first(old, new), location: location, message: message)
    }

    /// A row whose notebook adds `lines` to the options of small.md's loss plot.
    static func lossPlot(_ name: String, adding lines: String, at location: String, says message: String) -> Case {
        replacing("title: Loss", with: "title: Loss\n" + lines, name, at: location, says: message)
    }

    static let overflow: [Case] = [
        // The first size that overflows is the Flatten's product of the Conv2D's output.
        replacing(
            "Conv2D(4, 3,", with: "Conv2D(9223372036854775807, 3,", "Conv2D with Int.max filters",
            at: "small.md:36:1", says: "Flatten's output size 13 × 13 × 9223372036854775807 is larger than"),
        replacing(
            "Dense(16,", with: "Dense(9223372036854775807,", "Dense with Int.max units",
            at: "small.md:37:1", says: "its parameter count 676 × 9223372036854775807 is larger than"),
        replacing(
            "Input(shape=(28, 28, 1))", with: "Input(shape=(3037000500, 3037000500, 1))",
            "input whose element count overflows",
            at: "small.md:33:1", says: "its output size 3037000500 × 3037000500 × 1 is larger than"),
        replacing(
            "Input(shape=(28, 28, 1))", with: "Input(shape=(1000000000, 1000000000, 1))",
            "Dense after a Flatten of 10^18 elements", at: "small.md:37:1", says: "its parameter count"),
    ]

    static let memory: [Case] = [
        replacing(
            "Dense(16,", with: "Dense(2000000000,", "Dense(2000000000)", at: "small.md:37:1",
            says: "model `tiny` needs ~"),
        replacing(
            "Input(shape=(28, 28, 1))", with: "Input(shape=(100000, 100000, 3))", "a 100000 x 100000 x 3 input",
            at: "small.md:37:1", says: "to train even one sample"),
        // Reported at the largest layer: the Dense that takes the Conv2D's flattened output.
        replacing(
            "Conv2D(4, 3,", with: "Conv2D(10000000, 3,", "Conv2D(10000000, 3)", at: "small.md:37:1",
            says: "to train even one sample"),
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
        lossPlot(
            "xlim reversed", adding: "xlim: [10, 1]", at: "small.md:83:7",
            says: "`xlim` must be `[low, high]` with low below high, got `[10.0, 1.0]`"),
        lossPlot(
            "xlim through zero on a log x axis", adding: "xscale: log\nxlim: [0, 10]", at: "small.md:84:7",
            says: "`xlim` must be positive on a log scale (`xscale: log`)"),
        lossPlot(
            "negative ylim on a log y axis", adding: "yscale: log\nylim: [-1, 1]", at: "small.md:84:7",
            says: "`ylim` must be positive on a log scale (`yscale: log`)"),
        lossPlot(
            "infinite ylim", adding: "ylim: [0, 1e999]", at: "small.md:83:11",
            says: "`ylim` must be a number, got `1e999`"),
        replacing(
            "columns: 8", with: "columns: 100000000", "a samples grid 100,000,000 columns wide",
            at: "small.md:27:10", says: "`columns` must be at most 64, got `100000000`"),
        replacing(
            "{train} baseline", with: "{train} " + String(repeating: "b", count: 250), "a 250-character id",
            at: "small.md:64:12", says: "is 250 characters long; ids are at most 64"),
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
