import XCTest

@testable import Statistics

/// Descriptive statistics over replicates against NumPy / SciPy.
final class SummaryTests: XCTestCase {
    func testSummariesMatchNumPyAndSciPy() {
        var worst = 0.0
        for c in Reference.cases("summary") {
            let values = c.doubles("values")
            let s = Summary(values)
            let label = "\(values.prefix(3))… (n = \(values.count))"
            XCTAssertEqual(s.count, values.count)
            worst = max(worst, assertRelative(s.mean, c.double("mean"), "mean \(label)"))
            worst = max(worst, assertRelative(s.sd, c.double("sd"), "sd \(label)"))
            worst = max(worst, assertRelative(s.median, c.double("median"), "median \(label)"))
            worst = max(worst, assertRelative(s.min, c.double("min"), "min \(label)"))
            worst = max(worst, assertRelative(s.max, c.double("max"), "max \(label)"))
            worst = max(worst, assertRelative(s.ci95, c.double("ci95"), "ci95 \(label)"))
        }
        print("summary: worst relative error \(worst)")
    }

    func testEqualValuesHaveExactlyZeroSpread() {
        let s = Summary([0.1, 0.1, 0.1])
        XCTAssertEqual(s.mean, 0.1)  // the plain sum / n would give 0.10000000000000002
        XCTAssertEqual(s.sd, 0)
        XCTAssertEqual(s.ci95, 0)
    }

    func testOneValueHasNoSpread() {
        let s = Summary([0.25])
        XCTAssertEqual(s.mean, 0.25)
        XCTAssertEqual(s.median, 0.25)
        XCTAssertTrue(s.sd.isNaN)
        XCTAssertTrue(s.ci95.isNaN)
    }

    func testTheSpecExample() {
        // The spec's five val_loss values: `pm(4)` prints 0.0940 ± 0.0042.
        let s = Summary([0.0959, 0.0946, 0.0875, 0.0990, 0.0931])
        XCTAssertEqual(s.mean, 0.09402, accuracy: 1e-15)
        XCTAssertEqual(s.sd, 0.004_243_465_564_842_023, accuracy: 1e-15)
        XCTAssertEqual(s.median, 0.0946)
        XCTAssertEqual(s.ci95, 2.776_445_105_198_061 * s.sd / 5.0.squareRoot(), accuracy: 1e-15)
    }
}
