import XCTest

@testable import Statistics

/// Welch, paired and bootstrap comparisons against SciPy (`ttest_ind(equal_var=False)`, `ttest_rel`,
/// `confidence_interval(0.95)`, `bootstrap`) and an independent re-implementation of the bootstrap.
final class ComparisonTests: XCTestCase {
    func testWelchMatchesSciPy() {
        var worst = 0.0
        for (i, c) in Reference.cases("welch").enumerated() {
            let r = Comparison.welch(c.doubles("a"), c.doubles("b"))
            worst = max(worst, check(r, c, "welch case \(i)"))
            XCTAssertEqual(r.countA, c.doubles("a").count)
            XCTAssertEqual(r.countB, c.doubles("b").count)
        }
        print("welch: worst relative error \(worst)")
    }

    func testPairedMatchesSciPy() {
        var worst = 0.0
        for (i, c) in Reference.cases("paired").enumerated() {
            worst = max(worst, check(Comparison.paired(c.doubles("a"), c.doubles("b")), c, "paired case \(i)"))
        }
        print("paired: worst relative error \(worst)")
    }

    func testBootstrapMatchesTheIndependentImplementation() {
        for (i, c) in Reference.cases("bootstrap").enumerated() {
            var generator = SplitMix64(seed: UInt64(c.int("seed")))
            let r = Comparison.bootstrap(
                c.doubles("a"), c.doubles("b"), resamples: c.int("resamples"), using: &generator)
            let label = "bootstrap case \(i)"
            assertRelative(r.diff, c.double("diff"), "\(label) diff")
            assertRelative(r.ci95Low, c.double("ci95_low"), "\(label) ci95.low")
            assertRelative(r.ci95High, c.double("ci95_high"), "\(label) ci95.high")
            assertRelative(r.p, c.double("p"), "\(label) p")
            assertRelative(r.effect, c.double("effect"), "\(label) effect")
            XCTAssertNil(r.statistic)
            XCTAssertNil(r.degreesOfFreedom)
            // SciPy's percentile bootstrap draws another random stream: the ends agree to Monte Carlo
            // error, well within 5 % of the interval's width at 10,000 resamples.
            let width = c.double("scipy_ci95_high") - c.double("scipy_ci95_low")
            XCTAssertEqual(r.ci95Low, c.double("scipy_ci95_low"), accuracy: 0.05 * width, label)
            XCTAssertEqual(r.ci95High, c.double("scipy_ci95_high"), accuracy: 0.05 * width, label)
        }
    }

    func testBootstrapIsSeeded() {
        let a = [0.0959, 0.0946, 0.0875, 0.0990, 0.0931]
        let b = [0.0712, 0.0730, 0.0698, 0.0745, 0.0721]
        var g1 = SplitMix64(seed: 5)
        var g2 = SplitMix64(seed: 5)
        var g3 = SplitMix64(seed: 6)
        let first = Comparison.bootstrap(a, b, using: &g1)
        XCTAssertEqual(first, Comparison.bootstrap(a, b, using: &g2))
        XCTAssertNotEqual(first.ci95Low, Comparison.bootstrap(a, b, using: &g3).ci95Low)
        // Every resampled difference is positive here: p is the smallest a finite bootstrap gives.
        XCTAssertEqual(first.p, 2.0 / 10_001)
        XCTAssertEqual(Comparison.run(.bootstrap, a, b, using: &g1).test, .bootstrap)
    }

    func testZeroSpreadFollowsTheDocumentedLimits() {
        var g = SplitMix64(seed: 1)
        for test in ComparisonTest.allCases {
            let apart = Comparison.run(test, [2, 2, 2], [1.5, 1.5, 1.5], using: &g)
            XCTAssertEqual(apart.diff, 0.5, "\(test)")
            XCTAssertEqual(apart.p, test == .bootstrap ? 2.0 / 10_001 : 0, "\(test)")
            XCTAssertEqual(apart.ci95Low, 0.5, "\(test)")
            XCTAssertEqual(apart.ci95High, 0.5, "\(test)")
            XCTAssertEqual(apart.effect, .infinity, "\(test)")
            let same = Comparison.run(test, [0.1, 0.1, 0.1], [0.1, 0.1, 0.1], using: &g)
            XCTAssertEqual(same.diff, 0, "\(test)")
            XCTAssertEqual(same.p, 1, "\(test)")
            XCTAssertEqual(same.ci95Low, 0, "\(test)")
            XCTAssertEqual(same.ci95High, 0, "\(test)")
            XCTAssertEqual(same.effect, 0, "\(test)")
        }
        // Paired: constant differences with spread on each side are zero spread for the test.
        let shifted = Comparison.paired([1, 2, 3], [0.5, 1.5, 2.5])
        XCTAssertEqual(shifted.p, 0)
        XCTAssertEqual(shifted.ci95Low, 0.5)
        XCTAssertEqual(shifted.effect, .infinity)
        // Welch with one side constant is an ordinary test (ν = n − 1 of the other side).
        let oneSided = Comparison.welch([0.1, 0.1, 0.1], [0.2, 0.25, 0.3, 0.22])
        XCTAssertEqual(oneSided.degreesOfFreedom!, 3, accuracy: 1e-12)
    }

    func testUniformIndexIsLemiresMultiplyShift() {
        // ⌊u · n / 2⁶⁴⌋ for u = 2⁶³ + 1 and n = 10 is 5 (the low product, 10, is not rejected).
        var half = ConstantGenerator(value: 1 << 63 | 1)
        XCTAssertEqual(Comparison.uniformIndex(below: 10, &half), 5)
        var top = ConstantGenerator(value: .max)
        XCTAssertEqual(Comparison.uniformIndex(below: 7, &top), 6)
    }

    /// Checks every statistic of a t-based result against a fixture case; returns the worst error.
    private func check(_ r: Comparison, _ c: [String: Any], _ label: String) -> Double {
        var worst = 0.0
        worst = max(worst, assertRelative(r.diff, c.double("diff"), "\(label) diff"))
        worst = max(worst, assertRelative(r.statistic!, c.double("t"), "\(label) t"))
        worst = max(worst, assertRelative(r.degreesOfFreedom!, c.double("df"), "\(label) df"))
        worst = max(worst, assertRelative(r.p, c.double("p"), "\(label) p"))
        worst = max(worst, assertRelative(r.ci95Low, c.double("ci95_low"), "\(label) ci95.low"))
        worst = max(worst, assertRelative(r.ci95High, c.double("ci95_high"), "\(label) ci95.high"))
        worst = max(worst, assertRelative(r.effect, c.double("effect"), "\(label) effect"))
        return worst
    }
}

/// SplitMix64, the engine's `SeededGenerator` algorithm, as the fixture script implements it.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A generator that always returns `value`.
struct ConstantGenerator: RandomNumberGenerator {
    let value: UInt64
    mutating func next() -> UInt64 { value }
}
