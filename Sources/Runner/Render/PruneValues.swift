import NotebookFormat

/// The values of a prune (see ``PruneValue``): series per level in the order written.
struct PruneValues {
    let outcome: PruneOutcome

    func value(_ v: PruneValue) -> Value? {
        let levels = outcome.levels
        let baseline = outcome.baseline
        func series(_ f: (PruneLevel) -> Double) -> Value { .series(levels.map(f)) }
        func finetuned(_ f: (PruneLevel) -> Float?) -> Value? {
            let values = levels.compactMap(f)
            return values.count == levels.count ? .series(values.map(Double.init)) : nil
        }
        switch v {
        case .sparsity: return series(\.sparsity)
        case .accuracy: return series { Double($0.accuracy) }
        case .loss: return series { Double($0.loss) }
        case .accuracyFinetuned: return finetuned(\.accuracyFinetuned)
        case .lossFinetuned: return finetuned(\.lossFinetuned)
        case .nonzero: return series { Double($0.nonzero.reduce(0, +)) }
        case .nonzeroIn(let layer):
            guard let index = baseline.layerNames.firstIndex(of: layer) else { return nil }
            return series { Double($0.nonzero[index]) }
        case .sizeDense: return series { _ in Double(baseline.sizeDense) }
        case .sizeDenseZlib: return series { _ in Double(baseline.sizeDenseZlib) }
        case .sizeSparse: return series { Double($0.sizeSparse) }
        case .sizeSparseZlib: return series { Double($0.sizeSparseZlib) }
        case .sizeMaskedZlib: return series { Double($0.sizeMaskedZlib) }
        case .compression: return series { Double(baseline.sizeDense) / Double($0.sizeSparse) }
        case .latencyDenseMs: return series(\.latency.denseMilliseconds)
        case .latencySparseMs: return series(\.latency.sparseMilliseconds)
        case .latencyDenseLayersMs: return series(\.latency.denseLayerMilliseconds)
        case .latencySparseLayersMs: return series(\.latency.sparseLayerMilliseconds)
        case .speedup: return series { $0.latency.denseMilliseconds / $0.latency.sparseMilliseconds }
        case .denseAccuracy: return .number(Double(baseline.accuracy))
        case .denseLoss: return .number(Double(baseline.loss))
        case .params: return .integer(baseline.params)
        case .prunable: return .integer(baseline.prunable)
        case .seconds: return .number(outcome.seconds)
        case .fineTuneEpochs: return outcome.fineTuneEpochs.map { .integer($0) }
        }
    }
}
