import Engine
import Vocabulary

/// A `sweep` directive's results: one training per point.
struct SweepOutcome {
    let vary: SweepSetting
    let points: [SweepPoint]
}

/// One point of a sweep: the value(s) set, the run's history and its test metrics.
struct SweepPoint: CachedOutcome {
    static let fileName = "point.json"

    /// The value set (for `rate` one per Dropout layer when given as a list, else one).
    var value: [Double]
    var history: History
    var testLoss: Float
    var testAccuracy: Float
    /// Wall-clock seconds of the point's training when it ran (never in the lock).
    var seconds: Double
}
