import Engine

/// Evaluates trained weights on a set of rows (Keras `evaluate()`, batches of 32) and keeps the
/// predictions for confusion matrices and misclassified images; with `topK` > 0 also Keras' top-k
/// accuracy (the train lists a top-k metric).
struct EvaluationUnit: ExecutionUnit {
    let key: String
    let spec: ModelSpec
    let weights: [[Float]]
    let samples: Samples
    var topK = 0

    func run(in context: UnitContext) throws -> EvaluationOutcome {
        let model = try Model.restored(spec: spec, weights: weights)
        let evaluation = model.evaluate(samples, batchSize: 32, threads: context.threads, topK: topK)
        context.note(
            "loss \(ProgressBar.fixed(evaluation.loss)), accuracy \(ProgressBar.fixed(evaluation.accuracy))"
                + (evaluation.topKAccuracy.map { ", top-\(topK) accuracy \(ProgressBar.fixed($0))" } ?? ""))
        return EvaluationOutcome(
            loss: evaluation.loss, accuracy: evaluation.accuracy, predictions: evaluation.predictions,
            labels: samples.labels, topKAccuracy: evaluation.topKAccuracy)
    }
}
