import Vocabulary

/// Keras 3's `EarlyStopping`: stops training when the monitored quantity has not improved for
/// `patience` epochs (keras/src/callbacks/early_stopping.py).
///
/// After epoch e (1-based; Keras counts from 0) with monitored value c:
/// - nothing happens while e - 1 < `start_from_epoch`, or when the logs lack the monitor;
/// - with `restore_best_weights`, the first monitored epoch's weights are kept as the best so far;
/// - `wait` += 1; c improves when c - min_delta < best (decreasing quantities) or c + min_delta >
///   best (increasing ones), with |min_delta| and best starting at +inf / -inf: strict, so an equal
///   value is no improvement, and NaN never improves;
/// - on improvement best = c, best epoch = e, the weights are kept (with `restore_best_weights`),
///   and `wait` returns to 0 only if c also improves on `baseline` (when one is given);
/// - otherwise training stops when `wait` >= `patience` and e > 1.
/// At the end of training, with `restore_best_weights`, the kept weights are set back whether or
/// not training stopped early (Keras 3 restores in `on_train_end`; Keras 2 restored only on a
/// stop), so a run that never improves after epoch 3 ends with epoch 3's weights.
public final class EarlyStopping: TrainingCallback {
    /// Keras' arguments and defaults: monitor "val_loss", min_delta 0, patience 0, mode "auto",
    /// baseline None, restore_best_weights False, start_from_epoch 0.
    public struct Settings: Equatable, Sendable {
        public var monitor: String
        public var minDelta: Double
        public var patience: Int
        public var mode: MonitorMode
        public var baseline: Double?
        public var restoreBestWeights: Bool
        public var startFromEpoch: Int

        public init(
            monitor: String = "val_loss", minDelta: Double = 0, patience: Int = 0, mode: MonitorMode = .auto,
            baseline: Double? = nil, restoreBestWeights: Bool = false, startFromEpoch: Int = 0
        ) {
            self.monitor = monitor
            self.minDelta = minDelta
            self.patience = patience
            self.mode = mode
            self.baseline = baseline
            self.restoreBestWeights = restoreBestWeights
            self.startFromEpoch = startFromEpoch
        }

        /// Whether the monitored quantity improves upwards (`mode`, or Keras' inference for `auto`).
        public var increases: Bool {
            switch mode {
            case .min: return false
            case .max: return true
            case .auto:
                guard let up = MonitorDirection.earlyStoppingIncreases(monitor) else {
                    preconditionFailure("the check rejects monitor `\(monitor)` in auto mode")
                }
                return up
            }
        }
    }

    let settings: Settings
    private let increases: Bool
    private var wait = 0
    private var best: Double
    private var bestWeights: [[Float]]?
    /// 1-based; 0 until an epoch is monitored.
    private(set) var bestEpoch = 0
    /// The epoch (1-based) after which training stopped; 0 when it ran to the end.
    private(set) var stoppedEpoch = 0

    public init(_ settings: Settings) {
        self.settings = settings
        increases = settings.increases
        best = increases ? -.infinity : .infinity
    }

    /// Keras' `_is_improvement`: `monitor_op(value - min_delta, reference)` with min_delta signed
    /// against the direction.
    func improves(_ value: Double, on reference: Double) -> Bool {
        let delta = abs(settings.minDelta)
        return increases ? value - delta > reference : value + delta < reference
    }

    public func epochEnded(_ epoch: Int, logs: [String: Float], control: TrainingControl) {
        guard let value = logs[settings.monitor], epoch - 1 >= settings.startFromEpoch else { return }
        let current = Double(value)
        if settings.restoreBestWeights, bestWeights == nil {
            bestWeights = control.weights
            bestEpoch = epoch
        }
        wait += 1
        if improves(current, on: best) {
            best = current
            bestEpoch = epoch
            if settings.restoreBestWeights { bestWeights = control.weights }
            if settings.baseline.map({ improves(current, on: $0) }) ?? true { wait = 0 }
            return
        }
        if wait >= settings.patience, epoch > 1 {
            stoppedEpoch = epoch
            control.stopTraining = true
        }
    }

    public func trainEnded(control: TrainingControl) {
        if settings.restoreBestWeights, let bestWeights { control.weights = bestWeights }
    }

    public func report(into history: inout History) {
        history.stoppedEpoch = stoppedEpoch
        history.bestEpoch = bestEpoch
    }
}
