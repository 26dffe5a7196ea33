import Foundation
import XCTest

@testable import Runner

/// The lock's number encoding and the comparison verdicts.
final class LockFileTests: XCTestCase {
    private func lock(loss: [Float], shown: [(Double, String)] = [], key: String = "k1") -> LockFile {
        LockFile(
            notebook: "n.md", notebookSHA256: "x",
            environment: LockEnvironment(
                nbrun: "0", numerics: "1", cpu: "cpu", mathLibrary: "blas", threads: 1, seed: 0,
                data: [:]),
            directives: [
                "train run": LockedDirective(
                    kind: "train", line: 3, key: key,
                    history: ["loss": loss.map(LockedNumber.init)], metrics: nil)
            ],
            shown: shown.map {
                LockedShownNumber(
                    source: "prose", line: 9, column: 4, expression: "run.x",
                    value: LockedNumber($0.0), text: $0.1, timing: nil)
            })
    }

    func testFloatsRoundTripToTheSameBitsThroughTheJSONText() throws {
        var generator = SystemRandomNumberGenerator()
        var values: [Float] = (0..<2000).map { _ in
            Float(bitPattern: UInt32.random(in: 0x3000_0000...0x4200_0000, using: &generator))
        }
        values += [0.1, 1 / 3, 0.98660004, Float.leastNormalMagnitude, 1e-30, 123456.79]
        let data = try lock(loss: values).encoded()
        let decoded = try JSONDecoder().decode(LockFile.self, from: data)
        let back: [Float] = decoded.directives["train run"]!.history!["loss"]!.map { $0.float }
        XCTAssertEqual(back.map { $0.bitPattern }, values.map { $0.bitPattern })
    }

    func testNumbersAreWrittenWithShortDigitsAndSortedKeys() throws {
        let text = String(decoding: try lock(loss: [0.9866]).encoded(), as: UTF8.self)
        XCTAssertTrue(text.contains("0.9866\n") || text.contains("0.9866 "), text)
        let directives = try XCTUnwrap(text.range(of: "\"directives\""))
        let environment = try XCTUnwrap(text.range(of: "\"environment\""))
        XCTAssertLessThan(directives.lowerBound, environment.lowerBound)
    }

    func testIdenticalLocksVerify() {
        let comparison = LockComparison(
            recorded: lock(loss: [0.5, 0.25], shown: [(0.98, "98.00%")]),
            fresh: lock(loss: [0.5, 0.25], shown: [(0.98, "98.00%")]), tolerance: 0)
        XCTAssertTrue(comparison.passed)
        XCTAssertEqual(comparison.summary, "verified: 3 of 3 numbers identical")
    }

    func testAChangedHistoryNamesTheFirstDivergentEpoch() {
        let comparison = LockComparison(
            recorded: lock(loss: [0.5, 0.25, 0.125]), fresh: lock(loss: [0.5, 0.26, 0.13]), tolerance: 0)
        XCTAssertFalse(comparison.passed)
        XCTAssertEqual(
            comparison.changes.map(\.description),
            ["line 3: `train run` history.loss first diverged at epoch 2: 0.25 -> 0.26"])
    }

    func testSamePrintedTextPassesAndToleranceIsReportedAsSuch() {
        let printed = LockComparison(
            recorded: lock(loss: [0.5], shown: [(0.98001, "98.00%")]),
            fresh: lock(loss: [0.5], shown: [(0.98002, "98.00%")]), tolerance: 0)
        XCTAssertTrue(printed.passed)
        XCTAssertEqual(printed.counts[.printedEqual], 1)
        let tolerated = LockComparison(recorded: lock(loss: [0.5]), fresh: lock(loss: [0.5001]), tolerance: 1e-3)
        XCTAssertTrue(tolerated.passed)
        XCTAssertEqual(tolerated.summary, "verified: 0 of 1 numbers identical, 1 within relative tolerance 0.001")
        let strict = LockComparison(recorded: lock(loss: [0.5]), fresh: lock(loss: [0.5001]), tolerance: 1e-5)
        XCTAssertFalse(strict.passed)
    }

    /// Shown values are matched by what they quote, so a lock listing them in another order (locks
    /// written before rendering followed document order) still verifies, and a changed one is found.
    func testShownValuesArePairedByWhatTheyQuoteNotByPosition() {
        var recorded = lock(loss: [0.5], shown: [(0.98, "98.00%"), (0.5, "0.5000")])
        recorded.shown[1].expression = "run.y"
        var fresh = recorded
        fresh.shown.reverse()
        XCTAssertTrue(LockComparison(recorded: recorded, fresh: fresh, tolerance: 0).passed)
        fresh.shown[0].value = LockedNumber(0.6)
        fresh.shown[0].text = "0.6000"
        let changed = LockComparison(recorded: recorded, fresh: fresh, tolerance: 0)
        XCTAssertEqual(changed.changes.map(\.what), ["`{{ run.y }}`"])
    }

    func testAChangedKeyMakesTheLockStaleNotNumericallyWrong() {
        let comparison = LockComparison(
            recorded: lock(loss: [0.5], key: "old"), fresh: lock(loss: [0.7], key: "new"), tolerance: 0)
        XCTAssertFalse(comparison.passed)
        XCTAssertTrue(comparison.changes.isEmpty)
        XCTAssertEqual(comparison.stale, ["`train run` (line 3) changed since the lock was written"])
    }
}
