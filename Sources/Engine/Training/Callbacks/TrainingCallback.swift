import Vocabulary

/// Something `fit` calls after each epoch and once at the end, as Keras' `Callback` with
/// `on_train_begin`, `on_epoch_end` and `on_train_end`.
///
/// Callbacks run in the order the notebook lists them; a callback may ask the loop to stop
/// (Keras' `model.stop_training = True`, honoured after every callback of the epoch has run),
/// change the learning rate, or read and set the weights, all through ``TrainingControl``.
public protocol TrainingCallback: AnyObject {
    /// After epoch `epoch` (1-based) with its `logs` (Keras' names: `loss`, `accuracy`,
    /// `val_loss`, ...).
    func epochEnded(_ epoch: Int, logs: [String: Float], control: TrainingControl)
    /// After the last epoch, stopped or not.
    func trainEnded(control: TrainingControl)
    /// Writes what the callback reports (stopped and best epochs) into the history.
    func report(into history: inout History)
}

/// The callbacks of one `fit`, built fresh from their specs (Keras' `on_train_begin` resets).
struct CallbackList {
    let callbacks: [TrainingCallback]

    init(_ specs: [CallbackSpec]) { callbacks = specs.map { $0.make() } }

    /// Runs every callback after `epoch`; true when one asked to stop.
    func epochEnded(_ epoch: Int, record: EpochRecord, control: TrainingControl) -> Bool {
        guard !callbacks.isEmpty else { return false }
        let logs = record.logs
        for callback in callbacks { callback.epochEnded(epoch, logs: logs, control: control) }
        return control.stopTraining
    }

    /// Runs every callback's end of training, then lets each report into `history`.
    func trainEnded(control: TrainingControl, history: inout History) {
        for callback in callbacks {
            callback.trainEnded(control: control)
            callback.report(into: &history)
        }
    }
}

extension EpochRecord {
    /// Keras' `logs` of the epoch: its metrics by history key. A top-k accuracy is logged under
    /// both of Keras' names (the labels are class indices, so the two metrics agree; the notebook
    /// lets a callback monitor only the name its train lists).
    var logs: [String: Float] {
        var logs = ["loss": loss, "accuracy": accuracy]
        if let valLoss { logs["val_loss"] = valLoss }
        if let valAccuracy { logs["val_accuracy"] = valAccuracy }
        if let learningRate { logs["learning_rate"] = learningRate }
        for name in [MetricName.sparseTopKCategoricalAccuracy, .topKCategoricalAccuracy] {
            if let topKAccuracy { logs[name.rawValue] = topKAccuracy }
            if let valTopKAccuracy { logs["val_" + name.rawValue] = valTopKAccuracy }
        }
        return logs
    }
}
