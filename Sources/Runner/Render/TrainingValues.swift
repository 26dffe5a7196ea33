import Engine
import NotebookFormat

/// The values of a training run (see ``TrainValue``).
struct TrainingValues {
    let outcome: TrainingOutcome

    func value(_ v: TrainValue) -> Value? {
        let history = outcome.history
        func series(_ values: [Float]) -> Value? { values.isEmpty ? nil : .series(values.map(Double.init)) }
        switch v {
        case .history(.loss): return series(history.loss)
        case .history(.accuracy): return series(history.accuracy)
        case .history(.valLoss): return series(history.valLoss)
        case .history(.valAccuracy): return series(history.valAccuracy)
        case .history(.learningRate): return series(history.learningRate)
        case .history(.sparseTopKCategoricalAccuracy), .history(.topKCategoricalAccuracy):
            return series(history.topKAccuracy)
        case .history(.valSparseTopKCategoricalAccuracy), .history(.valTopKCategoricalAccuracy):
            return series(history.valTopKAccuracy)
        case .params: return .integer(outcome.parameterCount)
        case .seconds: return .number(outcome.seconds)
        case .epochs: return .integer(history.epochs.count)
        case .stoppedEpoch: return history.stoppedEpoch.map(Value.integer)
        case .bestEpoch: return history.bestEpoch.map(Value.integer)
        }
    }
}
