import Synchronization
import XCTest

@testable import Engine

/// The worker pool under the schedule that once broke it: back-to-back runs whose chunk counts
/// alternate (2, 4, 3, ...), as a training step's operations do, with chunks short enough that the
/// caller publishes the next run while a pool thread is still leaving the last one.
///
/// Before the pool kept the chunk count inside its claim word, a pool thread that read an
/// exhausted 2-chunk run's word and then the next run's count of 4 won its compare-and-swap and
/// ran chunk 2 of the 4-chunk run a second time; the extra completion let that run return while a
/// chunk was still executing ("non-escaping closure has escaped" in `WorkSplit.run`, seen once in
/// a 10-training `nbrun check`). With that layout this test failed 3 times in 3 (twice with that
/// very SIGILL, once with a duplicated chunk); a C harness with the same schedule counted 10 813
/// duplicated chunks in 3 000 000 runs. With the count in the word, none.
final class WorkerPoolStressTests: XCTestCase {
    /// Every chunk of every run runs exactly once, and has finished when `WorkSplit.run` returns.
    func testAlternatingChunkCountsRunEachChunkExactlyOnce() {
        let runs = 1_000_000
        var duplicated = 0
        var unfinished = 0
        for run in 0..<runs {
            let chunks = [2, 4, 3][run % 3]
            let counts = ChunkTally()
            WorkSplit.run(chunks: chunks, threads: 2) { chunk, _ in
                // A short, varying amount of work, so that threads leave runs at different times.
                var x = UInt32(truncatingIfNeeded: run &* 2_654_435_761 &+ chunk)
                for _ in 0..<(run % 5) * 8 { x = x &* 1_103_515_245 &+ 12_345 }
                if x == 1 { print("") }   // keeps the loop
                counts.add(chunk)
            }
            for c in 0..<chunks {
                let n = counts.count(c)
                if n > 1 { duplicated += 1 }
                if n < 1 { unfinished += 1 }
            }
        }
        XCTAssertEqual(duplicated, 0, "chunks that ran twice in \(runs) runs")
        XCTAssertEqual(unfinished, 0, "chunks not finished when their run returned, in \(runs) runs")
    }
}

/// How many times each of four chunks ran; atomic, so that a chunk running twice at once is
/// counted twice rather than lost in a data race.
private final class ChunkTally: Sendable {
    private let slot0 = Atomic<Int>(0)
    private let slot1 = Atomic<Int>(0)
    private let slot2 = Atomic<Int>(0)
    private let slot3 = Atomic<Int>(0)

    func add(_ chunk: Int) {
        switch chunk {
        case 0: slot0.add(1, ordering: .relaxed)
        case 1: slot1.add(1, ordering: .relaxed)
        case 2: slot2.add(1, ordering: .relaxed)
        default: slot3.add(1, ordering: .relaxed)
        }
    }

    /// Read after the run returned; acquiring orders it after every add of that run.
    func count(_ chunk: Int) -> Int {
        switch chunk {
        case 0: slot0.load(ordering: .acquiring)
        case 1: slot1.load(ordering: .acquiring)
        case 2: slot2.load(ordering: .acquiring)
        default: slot3.load(ordering: .acquiring)
        }
    }
}
