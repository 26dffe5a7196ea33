import Charts
import NotebookFormat
import XCTest

@testable import Runner

/// The band of a replicated series per epoch: mean ± t₀.₉₇₅,ₙ₋₁ · sd/√n (`ci95`), mean ± sd
/// (`sd`), min to max (`range`), nothing (`none`); and the legend note that names it.
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

    func testStandardDeviationBand() throws {
        let band = try XCTUnwrap(
            ReplicateBand(.replicates([.series([1, 2]), .series([2, 4]), .series([3, 9])]), kind: .sd))
        XCTAssertEqual(band.kind, .sd)
        // Epoch 1: mean 2, sd 1. Epoch 2: mean 5, sd √((9 + 1 + 16) / 2) = √13 (n − 1 = 2).
        for (actual, expected) in zip(
            band.range.lower + band.range.upper, [1, 5 - 13.0.squareRoot(), 3, 5 + 13.0.squareRoot()])
        {
            XCTAssertEqual(actual, expected, accuracy: 1e-12)
        }
    }

    func testRangeBandIsTheSmallestToTheLargestSeed() throws {
        let band = try XCTUnwrap(
            ReplicateBand(.replicates([.series([1, 7]), .series([2, 4]), .series([3, 9])]), kind: .range))
        XCTAssertEqual(band.range, SeriesRange(lower: [1, 4], upper: [3, 9]))
    }

    func testNoneDrawsNoBand() {
        XCTAssertNil(ReplicateBand(.replicates([.series([1, 2]), .series([2, 4])]), kind: .hidden))
    }

    func testLegendNoteSaysWhatEachSpreadIs() throws {
        let five = Value.replicates((1...5).map { .series([Double($0), 2]) })
        let three = Value.replicates((1...3).map { .series([Double($0)]) })
        let ci = try XCTUnwrap(ReplicateBand(five))
        let sd = try XCTUnwrap(ReplicateBand(five, kind: .sd))
        let range = try XCTUnwrap(ReplicateBand(three, kind: .range))
        let en = Wording(lang: "en")
        XCTAssertEqual(en.bandNote([(ci, false), (ci, false)]), "shaded: 95 % CI over 5 seeds")
        XCTAssertEqual(
            en.bandNote([(sd, false), (range, true)]),
            "shaded: mean ± sd over 5 seeds; error bars: min to max over 3 seeds")
        XCTAssertNil(en.bandNote([]))
        let ja = Wording(lang: "ja")
        XCTAssertEqual(ja.bandNote([(ci, false)]), "網掛け: 5 シードの 95 % 信頼区間")
        XCTAssertEqual(ja.bandNote([(sd, true), (range, false)]), "誤差棒: 5 シードの平均 ± 標準偏差、網掛け: 3 シードの最小〜最大")
    }

    func testOneSeriesHasNoBand() {
        XCTAssertNil(ReplicateBand(.series([1, 2, 3])))
        XCTAssertNil(ReplicateBand(.replicates([.series([1, 2])])))
    }
}
