/// The callbacks a `train` directive can list (Keras `fit(callbacks=[...])`), with Keras 3's
/// argument names in positional order.
public enum CallbackName: String, Sendable, CaseIterable {
    case earlyStopping = "EarlyStopping"
    case reduceLROnPlateau = "ReduceLROnPlateau"

    /// Keras 3's parameters, in the order a positional argument fills them (`verbose` is accepted
    /// and has no effect: nbrun's progress lines already say what happened).
    public var arguments: [String] {
        switch self {
        case .earlyStopping:
            return [
                "monitor", "min_delta", "patience", "verbose", "mode", "baseline", "restore_best_weights",
                "start_from_epoch",
            ]
        case .reduceLROnPlateau:
            return ["monitor", "factor", "patience", "verbose", "mode", "min_delta", "cooldown", "min_lr"]
        }
    }
}

/// Which way a monitored quantity improves when `mode="auto"`; the two Keras callbacks decide it
/// differently and each rule is kept as Keras has it.
public enum MonitorDirection {
    /// EarlyStopping (keras/src/callbacks/early_stopping.py, `_set_monitor_op`): the name without
    /// `val_` is `loss` (decreases) or a compiled metric with a direction (accuracy metrics
    /// increase); anything else cannot be inferred (Keras raises ValueError), nil here.
    public static func earlyStoppingIncreases(_ monitor: String) -> Bool? {
        let name = monitor.hasPrefix("val_") ? String(monitor.dropFirst(4)) : monitor
        if name == "loss" { return false }
        guard let metric = MetricName(rawValue: name) else { return nil }
        return metric.increases
    }

    /// ReduceLROnPlateau (keras/src/callbacks/reduce_lr_on_plateau.py, `_reset`): increasing when
    /// the name contains `acc`, else decreasing.
    public static func reduceLRIncreases(_ monitor: String) -> Bool { monitor.contains("acc") }
}

extension MetricName {
    /// True for metrics that improve upwards (Keras' `_direction == "up"`).
    public var increases: Bool {
        switch self {
        case .accuracy, .sparseTopKCategoricalAccuracy, .topKCategoricalAccuracy: return true
        }
    }
}

/// Keras' `mode` of a monitoring callback: `min`, `max`, or `auto` (inferred from the monitored name).
public enum MonitorMode: String, Equatable, Sendable, CaseIterable {
    case auto, min, max
}
