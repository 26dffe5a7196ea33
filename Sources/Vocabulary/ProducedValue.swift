/// A value a directive produces, which `{{ }}` expressions, plot series and tables quote.
///
/// The one list of value names: the checker accepts exactly the names ``ValueProducer/values``
/// gives, and the runner answers each case (its lookup switches over these enums, so a new case
/// does not compile until the runner produces it). docs/notebook-format.md documents them.
public enum ProducedValue: Hashable, Sendable {
    case dataset(DatasetValue)
    case model(ModelValue)
    case train(TrainValue)
    case evaluate(EvaluateValue)
    case prune(PruneValue)
    case sweep(SweepValue)
    case compare(CompareValue)

    public var shape: ValueShape {
        switch self {
        case .dataset: return .integer
        case .model: return .integer
        case .train(let v): return v.shape
        case .evaluate(let v): return v.shape
        case .prune(let v): return v.shape
        case .sweep(let v): return v.shape
        case .compare(let v): return v.shape
        }
    }

    /// Wall-clock values (training seconds, latencies, speed-ups) differ from run to run: the lock
    /// records where they are shown but not their values, and `check` does not compare them.
    public var isTiming: Bool {
        switch self {
        case .train(.seconds), .sweep(.seconds), .prune(.seconds): return true
        case .prune(let v): return v.isLatency
        default: return false
        }
    }
}

/// `{dataset}`: how many training and test rows were loaded.
public enum DatasetValue: String, Hashable, Sendable, CaseIterable {
    case trainCount = "train_count"
    case testCount = "test_count"
}

/// `{model}`: its weight count.
public enum ModelValue: String, Hashable, Sendable, CaseIterable {
    case params
}

/// `{train}`: `history.<key>` series (one per epoch), `params`, `seconds`, `epochs` (epochs run),
/// and with EarlyStopping `stopped_epoch` (0 when it never stopped) and `best_epoch`.
public enum TrainValue: Hashable, Sendable {
    case history(HistoryKey)
    case params, seconds, epochs
    case stoppedEpoch, bestEpoch

    var shape: ValueShape {
        switch self {
        case .history: return .series
        case .params, .epochs, .stoppedEpoch, .bestEpoch: return .integer
        case .seconds: return .number
        }
    }
}

/// `{evaluate}`: `loss`, one value per metric of the train, `errors`, `count`.
public enum EvaluateValue: Hashable, Sendable {
    case loss
    case metric(MetricName)
    case errors, count

    var shape: ValueShape {
        switch self {
        case .loss, .metric: return .number
        case .errors, .count: return .integer
        }
    }
}

/// `{prune}`: series per sparsity level in the order written, and single values of the dense model.
public enum PruneValue: Hashable, Sendable {
    case sparsity, accuracy, loss, nonzero
    /// `nonzero.<layer>`: non-zero kernel weights of one layer (Keras' automatic layer name).
    case nonzeroIn(layer: String)
    case sizeDense, sizeSparse, sizeDenseZlib, sizeSparseZlib, sizeMaskedZlib, compression
    case latencyDenseMs, latencySparseMs, latencyDenseLayersMs, latencySparseLayersMs, speedup
    /// Only with `fine_tune`.
    case accuracyFinetuned, lossFinetuned, fineTuneEpochs
    case denseAccuracy, denseLoss, params, prunable, seconds

    /// The names of the cases without an associated value, and whether they need `fine_tune`.
    static let named: [(String, PruneValue, fineTuneOnly: Bool)] = [
        ("sparsity", .sparsity, false), ("accuracy", .accuracy, false), ("loss", .loss, false),
        ("nonzero", .nonzero, false), ("size_dense", .sizeDense, false), ("size_sparse", .sizeSparse, false),
        ("size_dense_zlib", .sizeDenseZlib, false), ("size_sparse_zlib", .sizeSparseZlib, false),
        ("size_masked_zlib", .sizeMaskedZlib, false), ("compression", .compression, false),
        ("latency_dense_ms", .latencyDenseMs, false), ("latency_sparse_ms", .latencySparseMs, false),
        ("latency_dense_layers_ms", .latencyDenseLayersMs, false),
        ("latency_sparse_layers_ms", .latencySparseLayersMs, false), ("speedup", .speedup, false),
        ("accuracy_finetuned", .accuracyFinetuned, true), ("loss_finetuned", .lossFinetuned, true),
        ("fine_tune_epochs", .fineTuneEpochs, true), ("dense_accuracy", .denseAccuracy, false),
        ("dense_loss", .denseLoss, false), ("params", .params, false), ("prunable", .prunable, false),
        ("seconds", .seconds, false),
    ]

    var shape: ValueShape {
        switch self {
        case .denseAccuracy, .denseLoss, .seconds: return .number
        case .params, .prunable, .fineTuneEpochs: return .integer
        default: return .series
        }
    }

    var isLatency: Bool {
        switch self {
        case .latencyDenseMs, .latencySparseMs, .latencyDenseLayersMs, .latencySparseLayersMs, .speedup: return true
        default: return false
        }
    }
}

/// `{sweep}`: series with one value per point, and the number of points.
public enum SweepValue: String, Hashable, Sendable, CaseIterable {
    case points, values
    case lossFinal = "loss_final"
    case accuracyFinal = "accuracy_final"
    case testLoss = "test_loss"
    case testAccuracy = "test_accuracy"
    case seconds
    /// Only when the train holds out validation rows.
    case valLossFinal = "val_loss_final"
    case valAccuracyFinal = "val_accuracy_final"
    case valLossMin = "val_loss_min"
    case valLossArgmin = "val_loss_argmin"
    case valAccuracyMax = "val_accuracy_max"

    var shape: ValueShape { self == .points ? .integer : .series }

    var needsValidation: Bool { rawValue.hasPrefix("val_") }
}

/// `{compare}`: the difference of means a − b, its 95 % interval, the two-sided p, Cohen's d and
/// the number of seeds on each side.
public enum CompareValue: String, Hashable, Sendable, CaseIterable {
    case diff
    case ci95Low = "ci95.low"
    case ci95High = "ci95.high"
    case p, effect
    case countA = "n_a"
    case countB = "n_b"

    var shape: ValueShape { self == .countA || self == .countB ? .integer : .number }
}
