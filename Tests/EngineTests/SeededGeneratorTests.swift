import XCTest

@testable import Engine

final class SeededGeneratorTests: XCTestCase {
    /// SplitMix64 reference values for seed 0 (Vigna's splitmix64.c, also java.util.SplittableRandom).
    func testSplitMix64KnownValues() {
        var g = SeededGenerator(seed: 0)
        XCTAssertEqual(g.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(g.next(), 0x6E78_9E6A_A1B9_65F4)
        XCTAssertEqual(g.next(), 0x06C4_5D18_8009_454F)
    }

    func testUniformFloatRangeAndMean() {
        var g = SeededGenerator(seed: 42)
        var sum = 0.0
        for _ in 0..<100_000 {
            let u = g.nextUniformFloat()
            XCTAssert(u >= 0 && u < 1)
            sum += Double(u)
        }
        XCTAssertEqual(sum / 100_000, 0.5, accuracy: 0.005)
    }

    func testNextIntBelowIsUniformAndInRange() {
        var g = SeededGenerator(seed: 7)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[g.nextInt(below: 6)] += 1 }
        for c in counts { XCTAssertEqual(Double(c), 10_000, accuracy: 400) }
    }
}
