/// A kernel regulariser bound to its weight tensor: the penalty Keras adds to the loss and its
/// gradient (Keras 3 `L1`, `L2`, `L1L2`).
///
///     penalty = l1 · Σ|w| + l2 · Σ w²        dpenalty/dw = l1 · sign(w) + l2 · 2w
///
/// (sign(0) = 0, as TensorFlow's gradient of |w|). Sums run over the tensor in index order with
/// one rounding per addition, products rounded separately (no fused multiply-add), so the value
/// does not depend on the thread count.
struct WeightPenalty {
    let parameter: Parameter
    let l1: Float
    let l2: Float

    init(parameter: Parameter, regularizer: Regularizer) {
        self.parameter = parameter
        l1 = Float(regularizer.l1Factor)
        l2 = Float(regularizer.l2Factor)
    }

    /// l1 · Σ|w| + l2 · Σ w² at the current weights (each term only when its factor is non-zero).
    var value: Float {
        let w = parameter.value.pointer
        var result: Float = 0
        if l1 != 0 {
            var sum: Float = 0
            for i in 0..<parameter.count { sum += abs(w[i]) }
            result += l1 * sum
        }
        if l2 != 0 {
            var sum: Float = 0
            for i in 0..<parameter.count {
                let square = w[i] * w[i]
                sum += square
            }
            result += l2 * sum
        }
        return result
    }

    /// Adds the penalty's gradient to the parameter's loss gradient: g += l1 · sign(w) + l2 · 2w.
    func addGradient() {
        let w = parameter.value.pointer
        let g = parameter.gradient.pointer
        for i in 0..<parameter.count {
            let sign: Float = w[i] > 0 ? 1 : (w[i] < 0 ? -1 : 0)
            let l1Term = l1 * sign
            let l2Term = l2 * (2 * w[i])
            g[i] += l1Term + l2Term
        }
    }
}
