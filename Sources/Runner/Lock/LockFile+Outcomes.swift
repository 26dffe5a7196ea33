/// What the lock records of `prune` and `sweep` directives: every deterministic number, keyed by
/// level or point (`accuracy@0.9`, `val_loss@0.5`). Latencies are left out: they are wall-clock
/// times, and `check` must not fail on them (they are in the article's table and the shown values).
/// An outcome whose numbers the lock records (prune levels, sweep points).
protocol LockedOutcome {
    var lockedMetrics: [String: LockedNumber] { get }
    var lockedHistories: [String: [LockedNumber]]? { get }
}

extension PruneOutcome: LockedOutcome {
    var lockedMetrics: [String: LockedNumber] {
        var metrics = [
            "dense_accuracy": LockedNumber(baseline.accuracy), "dense_loss": LockedNumber(baseline.loss),
            "size_dense": LockedNumber(Double(baseline.sizeDense)),
        ]
        for level in levels {
            let at = "@\(level.sparsity)"
            metrics["accuracy" + at] = LockedNumber(level.accuracy)
            metrics["loss" + at] = LockedNumber(level.loss)
            if let a = level.accuracyFinetuned { metrics["accuracy_finetuned" + at] = LockedNumber(a) }
            if let l = level.lossFinetuned { metrics["loss_finetuned" + at] = LockedNumber(l) }
            metrics["size_sparse" + at] = LockedNumber(Double(level.sizeSparse))
            metrics["size_sparse_zlib" + at] = LockedNumber(Double(level.sizeSparseZlib))
            metrics["size_masked_zlib" + at] = LockedNumber(Double(level.sizeMaskedZlib))
            for (name, count) in zip(baseline.layerNames, level.nonzero) {
                metrics["nonzero.\(name)" + at] = LockedNumber(Double(count))
            }
        }
        return metrics
    }

    /// Fine-tuning histories per level.
    var lockedHistories: [String: [LockedNumber]]? {
        var histories: [String: [LockedNumber]] = [:]
        for level in levels {
            guard let history = level.fineTuneHistory else { continue }
            let at = "@\(level.sparsity)"
            histories["loss" + at] = history.loss.map(LockedNumber.init)
            histories["val_loss" + at] = history.valLoss.map(LockedNumber.init)
        }
        return histories.isEmpty ? nil : histories.filter { !$0.value.isEmpty }
    }
}

extension SweepOutcome: LockedOutcome {
    var lockedMetrics: [String: LockedNumber] {
        var metrics: [String: LockedNumber] = [:]
        for point in points {
            let at = "@" + point.value.map { "\($0)" }.joined(separator: "/")
            metrics["test_accuracy" + at] = LockedNumber(point.testAccuracy)
            metrics["test_loss" + at] = LockedNumber(point.testLoss)
        }
        return metrics
    }

    var lockedHistories: [String: [LockedNumber]]? {
        var histories: [String: [LockedNumber]] = [:]
        for point in points {
            let at = "@" + point.value.map { "\($0)" }.joined(separator: "/")
            histories["loss" + at] = point.history.loss.map(LockedNumber.init)
            histories["accuracy" + at] = point.history.accuracy.map(LockedNumber.init)
            histories["val_loss" + at] = point.history.valLoss.map(LockedNumber.init)
            histories["val_accuracy" + at] = point.history.valAccuracy.map(LockedNumber.init)
        }
        return histories.filter { !$0.value.isEmpty }
    }
}
