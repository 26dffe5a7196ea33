import Vocabulary

/// Keras 3's `ReduceLROnPlateau`: multiplies the learning rate by `factor` when the monitored
/// quantity has not improved for `patience` epochs (keras/src/callbacks/reduce_lr_on_plateau.py).
///
/// After each epoch with monitored value c (epochs whose logs lack the monitor are skipped):
/// - in cooldown (counter > 0): counter -= 1 and `wait` = 0;
/// - c improves when c < best - min_delta (decreasing) or c > best + min_delta (increasing; `auto`
///   means increasing when the name contains "acc"), best starting at +inf / -inf; then best = c
///   and `wait` = 0;
/// - otherwise, unless still in cooldown, `wait` += 1, and when `wait` >= `patience` and the
///   current rate lr > min_lr (as Float32): lr = max(lr · factor, min_lr) (computed in double,
///   stored as Float32), cooldown counter = `cooldown`, `wait` = 0.
/// The reduction applies from the next epoch's first step. Each epoch's history records the rate
/// it trained with (Keras logs `learning_rate` before reducing it).
public final class ReduceLROnPlateau: TrainingCallback {
    /// Keras' arguments and defaults: monitor "val_loss", factor 0.1, patience 10, mode "auto",
    /// min_delta 1e-4, cooldown 0, min_lr 0.
    public struct Settings: Equatable, Sendable {
        public var monitor: String
        public var factor: Double
        public var patience: Int
        public var mode: MonitorMode
        public var minDelta: Double
        public var cooldown: Int
        public var minLR: Double

        public init(
            monitor: String = "val_loss", factor: Double = 0.1, patience: Int = 10, mode: MonitorMode = .auto,
            minDelta: Double = 1e-4, cooldown: Int = 0, minLR: Double = 0
        ) {
            self.monitor = monitor
            self.factor = factor
            self.patience = patience
            self.mode = mode
            self.minDelta = minDelta
            self.cooldown = cooldown
            self.minLR = minLR
        }

        /// Whether the monitored quantity improves upwards.
        public var increases: Bool {
            switch mode {
            case .min: return false
            case .max: return true
            case .auto: return MonitorDirection.reduceLRIncreases(monitor)
            }
        }
    }

    let settings: Settings
    private let increases: Bool
    private var best: Double
    private var wait = 0
    private var cooldownCounter = 0

    public init(_ settings: Settings) {
        precondition(settings.factor < 1, "the check rejects factor >= 1")
        self.settings = settings
        increases = settings.increases
        best = increases ? -.infinity : .infinity
    }

    public func epochEnded(_ epoch: Int, logs: [String: Float], control: TrainingControl) {
        guard let value = logs[settings.monitor] else { return }
        let current = Double(value)
        if cooldownCounter > 0 {
            cooldownCounter -= 1
            wait = 0
        }
        let improved = increases ? current > best + settings.minDelta : current < best - settings.minDelta
        if improved {
            best = current
            wait = 0
        } else if cooldownCounter == 0 {
            wait += 1
            if wait >= settings.patience {
                let old = Double(control.learningRate)
                if old > Double(Float(settings.minLR)) {
                    control.learningRate = Float(max(old * settings.factor, settings.minLR))
                    cooldownCounter = settings.cooldown
                    wait = 0
                }
            }
        }
    }

    public func trainEnded(control: TrainingControl) {}

    public func report(into history: inout History) {}
}
