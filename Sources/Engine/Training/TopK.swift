/// Keras' top-k accuracy: how many rows have their label among the k highest scores.
///
/// Keras' `sparse_top_k_categorical_accuracy` (and `top_k_categorical_accuracy`, which takes the
/// argmax of a one-hot label first) is `ops.in_top_k(y_true, y_pred, k)` on the model's outputs:
/// TensorFlow's `tf.math.in_top_k`, whose row i is true when the label's score is finite and
/// fewer than k classes score strictly higher. Ties are therefore generous: classes that tie with
/// the label's score never push it out (with every class tied the label is in the top 1), unlike
/// a sort that would break the tie by index. For a model ending in softmax the scores are the
/// probabilities (softmax of the logits, as `predict` gives them), so logits that differ but round
/// to the same probability tie, as they do in Keras.
enum TopK {
    /// Rows among `batch` whose label is in the top `k` of their `classes` scores. With `softmax`,
    /// `output` holds logits and each row's probabilities are compared (in `scratch`, `classes`
    /// floats); otherwise the outputs themselves.
    static func count(
        output: UnsafePointer<Float>, labels: UnsafePointer<Int32>, batch: Int, classes: Int, k: Int,
        softmax: Bool, scratch: UnsafeMutablePointer<Float>
    ) -> Int {
        precondition(k >= 1, "k must be at least 1")
        var hits = 0
        for i in 0..<batch {
            var scores = output + i * classes
            if softmax {
                scratch.update(from: scores, count: classes)
                ActivationMath.softmaxRow(scratch, classes)
                scores = UnsafePointer(scratch)
            }
            let target = scores[Int(labels[i])]
            guard target.isFinite else { continue }
            var above = 0
            for j in 0..<classes where scores[j] > target { above += 1 }
            if above < k { hits += 1 }
        }
        return hits
    }

    /// ``count(output:labels:batch:classes:k:softmax:scratch:)`` on arrays (tests, small inputs).
    static func count(scores: [Float], labels: [Int32], classes: Int, k: Int, softmax: Bool = false) -> Int {
        precondition(scores.count == labels.count * classes, "scores must hold labels x classes values")
        var scratch = [Float](repeating: 0, count: max(classes, 1))
        return scores.withUnsafeBufferPointer { s in
            labels.withUnsafeBufferPointer { l in
                scratch.withUnsafeMutableBufferPointer { t in
                    count(
                        output: s.baseAddress!, labels: l.baseAddress!, batch: labels.count, classes: classes, k: k,
                        softmax: softmax, scratch: t.baseAddress!)
                }
            }
        }
    }
}
