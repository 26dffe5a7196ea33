import Engine

/// The progress note that says what EarlyStopping did to a training, once it has ended.
///
/// `stopped early at epoch 7 of 20 (best epoch 4, weights restored)`, or without a stop but with
/// `restore_best_weights` (Keras 3 restores at the end anyway) `ran all 20 epochs (best epoch 12,
/// weights restored)`; nil when the train has no EarlyStopping or it changed nothing.
enum EarlyStopNote {
    static func text(_ history: History, config: FitConfig) -> String? {
        guard let stopped = history.stoppedEpoch, let best = history.bestEpoch else { return nil }
        let restored = config.callbacks.contains(where: \.keepsWeights) && best > 0
        let detail = best > 0 ? "best epoch \(best)\(restored ? ", weights restored" : "")" : "no epoch monitored"
        if stopped > 0 { return "stopped early at epoch \(stopped) of \(config.epochs) (\(detail))" }
        return restored ? "ran all \(config.epochs) epochs (\(detail))" : nil
    }
}
