import XCTest

@testable import Engine

/// The per-step thread choice follows measured step times (it cannot change results).
final class ThreadTunerTests: XCTestCase {
    /// Runs `steps` steps where a step with t threads takes cost(t) seconds; returns the threads used.
    private func simulate(maximum: Int, steps: Int, cost: (Int, Int) -> Double) -> [Int] {
        var tuner = ThreadTuner(maximum: maximum)
        var used: [Int] = []
        for step in 0..<steps {
            let t = tuner.threads
            used.append(t)
            tuner.record(seconds: cost(step, t))
        }
        return used
    }

    func testMovesToOneThreadWhenItIsFasterAndBackWhenCoresFreeUp() {
        // Steps 0..<800: two threads are slow (shared cores); afterwards they are fast.
        let used = simulate(maximum: 2, steps: 1600) { step, t in
            step < 800 ? (t == 1 ? 2.8e-3 : 3.6e-3) : (t == 1 ? 1.3e-3 : 0.8e-3)
        }
        XCTAssertEqual(used[0], 2, "starts with the maximum")
        // Probes of the other setting take 12 of every 160 steps.
        XCTAssertEqual(used[300..<700].filter { $0 == 1 }.count, 400 - 3 * 12, "one thread once measured faster")
        XCTAssertEqual(used[1300..<1600].filter { $0 == 2 }.count, 300 - 2 * 12, "back to two threads")
    }

    func testKeepsTheMaximumWhenItIsFasterAndNeverProbesWithOneThread() {
        let used = simulate(maximum: 2, steps: 1000) { _, t in t == 1 ? 1.3e-3 : 0.8e-3 }
        XCTAssertGreaterThan(used.filter { $0 == 2 }.count, 900)
        XCTAssertEqual(Set(simulate(maximum: 1, steps: 500) { _, _ in 1e-3 }), [1])
    }
}
