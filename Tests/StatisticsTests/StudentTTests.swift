import XCTest

@testable import Statistics

/// Student t cdf, tails, density and quantiles against SciPy's `stats.t`.
final class StudentTTests: XCTestCase {
    func testCDFTailAndDensityMatchSciPy() {
        var worst = 0.0
        for c in Reference.cases("student_t") {
            let dist = StudentT(degreesOfFreedom: c.double("df"))
            let t = c.double("t")
            let label = "ν = \(dist.degreesOfFreedom), t = \(t)"
            worst = max(worst, assertRelative(dist.cdf(t), c.double("cdf"), "cdf \(label)"))
            worst = max(worst, assertRelative(dist.upperTail(t), c.double("sf"), "sf \(label)"))
            worst = max(worst, assertRelative(dist.density(t), c.double("pdf"), "pdf \(label)"))
        }
        print("Student t cdf/sf/pdf: worst relative error \(worst)")
    }

    func testQuantilesMatchSciPyIncludingExtremes() {
        var worst = 0.0
        for c in Reference.cases("student_t_quantile") {
            let dist = StudentT(degreesOfFreedom: c.double("df"))
            let p = c.double("p")
            worst = max(
                worst, assertRelative(dist.quantile(p), c.double("value"), "ppf(\(p)), ν = \(dist.degreesOfFreedom)"))
        }
        print("Student t quantile: worst relative error \(worst)")
    }

    /// The quantile solves our own tail to the last bits of t; the tail itself moves by up to about
    /// 1e-13 (relative) between neighbouring t for ν in the thousands (the continued fraction's
    /// sensitivity to the rounding of x = ν/(ν+t²) near 1), hence 1e-12 here.
    func testQuantileInvertsTheCDF() {
        for df in [1.0, 2.5, 7, 40, 3000] {
            let dist = StudentT(degreesOfFreedom: df)
            for p in [1e-12, 0.01, 0.2, 0.45, 0.8, 0.975] {
                let t = dist.quantile(p)
                let back = p < 0.5 ? dist.cdf(t) : dist.upperTail(t)
                let target = p < 0.5 ? p : 1 - p
                XCTAssertEqual(back, target, accuracy: 1e-12 * target, "ν = \(df), p = \(p)")
            }
        }
    }

    func testKnownValuesAndSymmetry() {
        // The textbook 97.5 % points: 12.706 (ν = 1), 4.303 (ν = 2), 2.776 (ν = 4), 1.960 (ν → ∞).
        XCTAssertEqual(StudentT(degreesOfFreedom: 1).quantile(0.975), 12.706_204_736_174_7, accuracy: 1e-11)
        XCTAssertEqual(StudentT(degreesOfFreedom: 2).quantile(0.975), 4.302_652_729_749_464, accuracy: 1e-12)
        XCTAssertEqual(StudentT(degreesOfFreedom: 1e7).quantile(0.975), 1.959_964, accuracy: 1e-6)
        // ν = 1 is the Cauchy distribution: cdf(t) = ½ + atan(t)/π.
        for t in [-30.0, -1, 0.25, 3] {
            XCTAssertEqual(StudentT(degreesOfFreedom: 1).cdf(t), 0.5 + atan(t) / Double.pi, accuracy: 1e-15)
        }
        let dist = StudentT(degreesOfFreedom: 4.5)
        XCTAssertEqual(dist.quantile(0.25), -dist.quantile(0.75))  // 1 − 0.75 is exact
        XCTAssertEqual(dist.cdf(0), 0.5)
        XCTAssertEqual(dist.quantile(0), -.infinity)
        XCTAssertEqual(dist.quantile(1), .infinity)
        XCTAssertEqual(dist.twoSidedP(0), 1)
        XCTAssertEqual(dist.twoSidedP(.infinity), 0)
        XCTAssertEqual(dist.twoSidedP(-2.5), 2 * dist.upperTail(2.5), accuracy: 1e-16)
    }
}
