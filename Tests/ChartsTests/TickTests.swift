import XCTest

@testable import Charts

/// Tick values for a table of view ranges, checked against what matplotlib's MaxNLocator gives
/// for them (the first three are the axes of the blog's two figures).
final class TickTests: XCTestCase {
    func testLinearTicksTable() {
        let cases: [(lo: Double, hi: Double, bins: Int, integer: Bool, expected: [Double])] = [
            (-0.95, 19.95, 9, false, [0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5]),  // epochs 0...19
            (0.91340, 1.00360, 9, false, [0.92, 0.94, 0.96, 0.98, 1.00]),  // accuracy
            (-0.01162, 0.28342, 9, false, [0, 0.05, 0.10, 0.15, 0.20, 0.25]),  // loss
            (0.05, 20.95, 9, true, [5, 10, 15, 20]),  // epochs 1...20
            (0.55, 10.45, 9, true, [2, 4, 6, 8, 10]),  // epochs 1...10
            (0.9, 3.1, 9, true, [1, 2, 3]),  // epochs 1...3
            (0, 1, 9, false, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
            (-1, 1, 9, false, [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1]),
            (0, 100, 9, false, [0, 20, 40, 60, 80, 100]),
            (0, 100, 4, false, [0, 25, 50, 75, 100]),
            (-0.04, 0.84, 9, false, [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]),  // dropout rates
            (1000.2, 1000.8, 5, false, [1000.2, 1000.4, 1000.6, 1000.8]),  // offset kept exact
            (0, 2_500_000, 9, false, [0, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000]),
        ]
        for c in cases {
            let ticks = TickLocator.linear(c.lo, c.hi, maxBins: c.bins, integer: c.integer)
            XCTAssertEqual(ticks.count, c.expected.count, "\(c.lo)...\(c.hi): \(ticks)")
            for (t, e) in zip(ticks, c.expected) {
                XCTAssertEqual(t, e, accuracy: 1e-12, "\(c.lo)...\(c.hi): \(ticks)")
            }
        }
    }

    func testLogTicks() {
        XCTAssertEqual(TickLocator.log(1e-4, 1, maxTicks: 10), [1e-4, 1e-3, 1e-2, 1e-1, 1])
        XCTAssertEqual(TickLocator.log(0.008, 0.6, maxTicks: 10), [0.01, 0.02, 0.05, 0.1, 0.2, 0.5])
        XCTAssertEqual(TickLocator.log(1, 1e12, maxTicks: 5), [1, 1e3, 1e6, 1e9, 1e12])
    }

    /// Issue 18: ranges the layout must never trap on give no ticks (an axis without labels).
    func testInvalidRangesGiveNoTicksInsteadOfTrapping() {
        for (lo, hi) in [(-1.0, 10.0), (0, 10), (10, 1), (5, 5), (1, .infinity), (.nan, 1)] {
            XCTAssertEqual(TickLocator.log(lo, hi, maxTicks: 10), [], "log \(lo)...\(hi)")
        }
        for (lo, hi) in [(10.0, 1.0), (5, 5), (0, .infinity), (-.greatestFiniteMagnitude, .greatestFiniteMagnitude)] {
            XCTAssertEqual(TickLocator.linear(lo, hi, maxBins: 9), [], "linear \(lo)...\(hi)")
        }
    }

    func testLabels() {
        XCTAssertEqual(TickFormatter.linear([0, 2.5, 5, 7.5]), ["0.0", "2.5", "5.0", "7.5"])
        XCTAssertEqual(TickFormatter.linear([0.92, 0.94, 1.0]), ["0.92", "0.94", "1.00"])
        XCTAssertEqual(TickFormatter.linear([-0.05, 0, 0.05]), ["\u{2212}0.05", "0.00", "0.05"])
        XCTAssertEqual(TickFormatter.linear([5, 10, 15, 20]), ["5", "10", "15", "20"])
        XCTAssertEqual(TickFormatter.linear([0, 500_000, 1_000_000]), ["0", "500k", "1000k"])
        XCTAssertEqual(TickFormatter.linear([0, 1e7, 2e7]), ["0", "10M", "20M"])
        XCTAssertEqual(TickFormatter.linear([0.9, 0.95, 1.0], percent: true), ["90%", "95%", "100%"])
        XCTAssertEqual(TickFormatter.log([0.01, 0.1, 1, 10]), ["0.01", "0.1", "1", "10"])
        XCTAssertEqual(TickFormatter.log([1e-5, 1e-3, 0.1]), ["10⁻⁵", "10⁻³", "10⁻¹"])
        XCTAssertEqual(TickFormatter.log([1, 1e4, 1e8]), ["10⁰", "10⁴", "10⁸"])
    }
}
