/// A directive that produces values, with the facts (known before anything runs) that decide which.
public enum ValueProducer: Sendable, Equatable {
    case dataset
    case model
    /// A training run records the history keys of its metrics and validation, and with an
    /// `EarlyStopping` callback its stopped and best epochs.
    case train(metrics: [MetricName], validation: Bool, earlyStopping: Bool = false)
    /// An evaluation reports the metrics of the train it evaluates.
    case evaluate(metrics: [MetricName])
    /// A prune: fine-tuned or not, and the kernel layers of the trained model (Keras' names).
    case prune(fineTuned: Bool, kernelLayers: [String])
    /// A sweep: `val_` values only when its train holds out validation rows.
    case sweep(validation: Bool)
    /// A comparison of two replicated values.
    case compare

    /// Every value by its dotted name (`history.val_loss`, `nonzero.dense_1`).
    public var values: [String: ProducedValue] {
        var v: [String: ProducedValue] = [:]
        switch self {
        case .dataset:
            for d in DatasetValue.allCases { v[d.rawValue] = .dataset(d) }
        case .model:
            for m in ModelValue.allCases { v[m.rawValue] = .model(m) }
        case .train(let metrics, let validation, let earlyStopping):
            for key in HistoryKey.recorded(metrics: metrics, validation: validation) {
                v["history." + key.rawValue] = .train(.history(key))
            }
            v["history.learning_rate"] = .train(.history(.learningRate))
            v["history.lr"] = .train(.history(.learningRate))
            if earlyStopping {
                v["stopped_epoch"] = .train(.stoppedEpoch)
                v["best_epoch"] = .train(.bestEpoch)
            }
            v["params"] = .train(.params)
            v["seconds"] = .train(.seconds)
            v["epochs"] = .train(.epochs)
        case .evaluate(let metrics):
            v["loss"] = .evaluate(.loss)
            v["errors"] = .evaluate(.errors)
            v["count"] = .evaluate(.count)
            for m in metrics { v[m.rawValue] = .evaluate(.metric(m)) }
        case .prune(let fineTuned, let layers):
            for (name, value, fineTuneOnly) in PruneValue.named where fineTuned || !fineTuneOnly {
                v[name] = .prune(value)
            }
            for layer in layers { v["nonzero.\(layer)"] = .prune(.nonzeroIn(layer: layer)) }
        case .sweep(let validation):
            for s in SweepValue.allCases where validation || !s.needsValidation { v[s.rawValue] = .sweep(s) }
        case .compare:
            for c in CompareValue.allCases { v[c.rawValue] = .compare(c) }
        }
        return v
    }
}
