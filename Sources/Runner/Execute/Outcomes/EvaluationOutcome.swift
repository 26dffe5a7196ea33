/// A test-set evaluation of a trained model (Keras `evaluate()` plus the predictions).
struct EvaluationOutcome: CachedOutcome {
    static let fileName = "evaluation.json"

    var loss: Float
    var accuracy: Float
    var predictions: [Int32]
    var labels: [Int32]
    /// Keras' top-k accuracy when the train lists a top-k metric (absent from other entries).
    var topKAccuracy: Float? = nil

    var errors: Int { zip(predictions, labels).filter { $0 != $1 }.count }
}
