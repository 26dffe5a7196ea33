import NotebookFormat
import XCTest

@testable import Runner

/// The band of a replicated series: mean ± t₀.₉₇₅,ₙ₋₁ · sd/√n per epoch.
final class ReplicateBandTests: XCTestCase {
    func testBandIsTheMeanPlusMinusTheHalfWidthOfTheConfidenceInterval() throws {
        let band = try XCTUnwrap(
            ReplicateBand(.replicates([.series([1, 2]), .series([2, 4]), .series([3, 6])])))
        XCTAssertEqual(band.seeds, 3)
        // Epoch 1: mean 2, sd 1, t(0.975, 2) ≈ 4.3026527 (SciPy, to 1e-8), half-width 4.3027 / √3.
        let half1 = 4.302652729911275 / 3.0.squareRoot()
        XCTAssertEqual(band.range.lower[0], 2 - half1, accuracy: 1e-8)
        XCTAssertEqual(band.range.upper[0], 2 + half1, accuracy: 1e-8)
        // Epoch 2: mean 4, sd 2.
        XCTAssertEqual(band.range.upper[1], 4 + 2 * half1, accuracy: 1e-8)
    }

    func testOneSeriesHasNoBand() {
        XCTAssertNil(ReplicateBand(.series([1, 2, 3])))
        XCTAssertNil(ReplicateBand(.replicates([.series([1, 2])])))
    }
}
