import Engine
import XCTest

@testable import Runner

/// The same-start recording's Dropout masks: their size is counted with checked arithmetic before
/// training, recorded within the limit (one byte per training row, epoch and unit), and beyond it
/// left out with a note instead of filling memory.
final class SameStartMaskLimitTests: XCTestCase {
    private let spec = ModelSpec(layers: [
        .input(shape: [5]),
        .dense(units: 7, activation: .relu, useBias: true),
        .dropout(rate: 0.25),
        .dense(units: 3, activation: .softmax, useBias: true),
    ])

    private func recording(limit: Int) -> SameStartRecording {
        var g = SeededGenerator(seed: 3)
        let labels = (0..<45).map { _ in Int32(g.nextInt(below: 3)) }
        let features = (0..<(45 * 5)).map { _ in g.nextUniformFloat() }
        var recording = SameStartRecording(
            id: "run", spec: spec, config: FitConfig(epochs: 2, batchSize: 8, validationSplit: 0.2), seed: 5,
            samples: Samples(shape: [5], features: features, labels: labels), afterSteps: 3)
        recording.maskByteLimit = limit
        return recording
    }

    func testMaskBytesAreCountedWithoutOverflow() {
        // The blog's Dropout model: 48,000 training rows × 128 units, 20 epochs.
        XCTAssertEqual(SameStartRecording.maskBytes(shapes: [[128]], rows: 48_000, epochs: 20), 122_880_000)
        XCTAssertEqual(SameStartRecording.maskBytes(shapes: [[13, 13, 32], [128]], rows: 10, epochs: 2), 110_720)
        XCTAssertNil(SameStartRecording.maskBytes(shapes: [[Int.max / 2]], rows: 4, epochs: 1))
        // Each layer fits (3/4 of Int.max); their sum does not.
        XCTAssertNil(SameStartRecording.maskBytes(shapes: [[Int.max / 4], [Int.max / 4]], rows: 3, epochs: 1))
        XCTAssertLessThanOrEqual(122_880_000, SameStartRecording.defaultMaskByteLimit)
    }

    /// 36 training rows × 2 epochs × 7 units = 504 bytes: recorded under a limit of 504, left out
    /// (with a note naming the train and the way out) under 503. The rest of the archive is the same.
    func testMasksBeyondTheLimitAreLeftOutWithANote() throws {
        var notes: [String] = []
        let within = try recording(limit: 504).run { notes.append($0) }
        XCTAssertEqual(notes, [])
        let beyond = try recording(limit: 503).run { notes.append($0) }
        XCTAssertEqual(notes.count, 1)
        XCTAssertTrue(notes[0].contains("`run`'s Dropout masks are not recorded"), notes[0])
        XCTAssertTrue(notes[0].contains("--epochs"), notes[0])
        XCTAssertEqual(within.names.filter { $0.hasPrefix("dropout_") }, ["dropout_0", "dropout_rate_0"])
        XCTAssertEqual(beyond.names.filter { $0.hasPrefix("dropout_") }, [])
        XCTAssertEqual(within.names.filter { !$0.hasPrefix("dropout_") }, beyond.names)
    }
}
