import Article
import Datasets
import Engine
import Foundation

/// What one directive produced; later directives and the prose read from it.
enum DirectiveResult {
    case dataset(LoadedDataset)
    case model(BuiltModel)
    case train(TrainingOutcome)
    case evaluate(EvaluationOutcome)
    case figure(Figure)
    case table(ResultTable)
    case prune(PruneOutcome)
    case sweep(SweepOutcome)
}

/// A data set with its features ready for the engine.
struct LoadedDataset {
    let dataset: Dataset
    let train: Samples
    let test: Samples
    /// One text naming every file and checksum, part of the cache keys of what uses this data.
    var checksumText: String {
        dataset.checksums.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
}

/// A model directive: its engine spec and Keras-style summary (weights come from training).
struct BuiltModel {
    let spec: ModelSpec
    let summary: [SummaryRow]
    let parameterCount: Int
}

/// A training run: per-epoch history, time, and the trained weights.
struct TrainingOutcome: Codable {
    var history: History
    var seconds: Double
    var parameterCount: Int
    /// Weights are kept out of the JSON (see `CachedFloats`).
    var parameters: [[Float]] = []

    enum CodingKeys: String, CodingKey { case history, seconds, parameterCount }
}

/// A test-set evaluation of a trained model.
struct EvaluationOutcome: Codable {
    var loss: Float
    var accuracy: Float
    var predictions: [Int32]
    var labels: [Int32]
    var errors: Int { zip(predictions, labels).filter { $0 != $1 }.count }
}
