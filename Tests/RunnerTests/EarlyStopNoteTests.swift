import Engine
import XCTest

@testable import Runner

/// The progress note after a training with EarlyStopping: a stop, a restore without a stop, nothing
/// otherwise.
final class EarlyStopNoteTests: XCTestCase {
    private func history(stopped: Int?, best: Int?) -> History {
        var h = History(epochs: [])
        h.stoppedEpoch = stopped
        h.bestEpoch = best
        return h
    }

    private func config(restore: Bool?) -> FitConfig {
        var c = FitConfig(epochs: 20)
        if let restore {
            c.callbacks = [.earlyStopping(EarlyStopping.Settings(patience: 3, restoreBestWeights: restore))]
        }
        return c
    }

    func testSaysWhereItStoppedAndWhatItRestored() {
        XCTAssertEqual(
            EarlyStopNote.text(history(stopped: 7, best: 4), config: config(restore: true)),
            "stopped early at epoch 7 of 20 (best epoch 4, weights restored)")
        XCTAssertEqual(
            EarlyStopNote.text(history(stopped: 7, best: 4), config: config(restore: false)),
            "stopped early at epoch 7 of 20 (best epoch 4)")
        XCTAssertEqual(
            EarlyStopNote.text(history(stopped: 0, best: 12), config: config(restore: true)),
            "ran all 20 epochs (best epoch 12, weights restored)")
        XCTAssertNil(EarlyStopNote.text(history(stopped: 0, best: 12), config: config(restore: false)))
        XCTAssertNil(EarlyStopNote.text(history(stopped: nil, best: nil), config: config(restore: nil)))
        XCTAssertEqual(
            EarlyStopNote.text(history(stopped: 3, best: 0), config: config(restore: true)),
            "stopped early at epoch 3 of 20 (no epoch monitored)")
    }
}
