import Foundation

/// Cross-entropy loss and accuracy of a batch, with the gradient the backward pass starts from.
///
/// From logits z (the model ends in softmax): loss_i = log sum_j e^(z_j - m) - (z_y - m) with
/// m = max z (log-sum-exp, no clipping, as Keras' TensorFlow backend); dL/dz = (softmax(z) - onehot) / B.
/// From outputs p that are not a softmax (Keras `from_logits=False` on other activations):
/// q = clip(p, 1e-7, 1 - 1e-7), loss_i = -log(q_y / sum_j q_j) (TensorFlow backend), gradient through
/// q where not clipped. The batch loss is the mean over samples (Keras "sum_over_batch_size").
/// Accuracy: argmax (first maximum) equals the label.
enum LossHead {
    struct Result {
        var lossSum: Double
        var correct: Int
        /// Rows whose label is in the top k (``TopK``), counted by callers that record it.
        var inTopK = 0
    }

    /// Loss and accuracy over `batch` rows of `classes`; writes dL/d(output) into `gradient` when given.
    static func evaluate(
        output: UnsafePointer<Float>, labels: UnsafePointer<Int32>, batch: Int, classes: Int,
        fromLogits: Bool, gradient: UnsafeMutablePointer<Float>?
    ) -> Result {
        var result = Result(lossSum: 0, correct: 0)
        let scale = 1 / Float(batch)
        for i in 0..<batch {
            let z = output + i * classes
            let label = Int(labels[i])
            precondition(label >= 0 && label < classes, "label \(label) outside 0..<\(classes)")
            var best = 0
            for j in 1..<max(classes, 1) where z[j] > z[best] { best = j }
            if best == label { result.correct += 1 }
            if fromLogits {
                let m = z[best]
                var s: Float = 0
                for j in 0..<classes { s += FloatMath.exp(z[j] - m) }
                let logS = FloatMath.log(s)
                result.lossSum += Double(logS - (z[label] - m))
                if let gradient {
                    let g = gradient + i * classes
                    let inv = 1 / s
                    for j in 0..<classes { g[j] = FloatMath.exp(z[j] - m) * inv * scale }
                    g[label] -= scale
                }
            } else {
                let eps: Float = 1e-7
                var s: Float = 0
                for j in 0..<classes { s += min(max(z[j], eps), 1 - eps) }
                let q = min(max(z[label], eps), 1 - eps)
                result.lossSum += Double(FloatMath.log(s) - FloatMath.log(q))
                if let gradient {
                    let g = gradient + i * classes
                    for j in 0..<classes {
                        let clipped = z[j] < eps || z[j] > 1 - eps
                        var d = 1 / s
                        if j == label { d -= 1 / q }
                        g[j] = clipped ? 0 : d * scale
                    }
                }
            }
        }
        return result
    }
}
