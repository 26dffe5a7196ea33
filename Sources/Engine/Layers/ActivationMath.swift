import Foundation

/// Forward and backward of the activation functions on contiguous rows, in place.
///
/// Backward uses the output y only: relu' = [y > 0]; sigmoid' = y (1 - y); tanh' = 1 - y^2;
/// softmax: dx_i = y_i (dy_i - sum_j dy_j y_j) per row of `width` elements.
enum ActivationMath {
    /// y = act(y + bias) in place for `rows` rows of `width` elements `stride` apart; `bias` may be
    /// nil. Softmax needs whole rows (width == stride).
    static func biasForward(_ activation: Activation, _ y: UnsafeMutablePointer<Float>, rows: Int, width: Int,
                            stride: Int, bias: UnsafePointer<Float>?) {
        precondition(activation != .softmax || width == stride, "softmax needs whole rows")
        for r in 0..<rows {
            let row = y + r * stride
            if let bias {
                if activation == .relu {
                    for j in 0..<width { row[j] = max(row[j] + bias[j], 0) }
                    continue
                }
                for j in 0..<width { row[j] += bias[j] }
            }
            forward(activation, row, rows: 1, width: width)
        }
    }

    /// y = act(y) in place.
    static func forward(_ activation: Activation, _ y: UnsafeMutablePointer<Float>, rows: Int, width: Int) {
        let n = rows * width
        switch activation {
        case .linear: return
        case .relu: for i in 0..<n { y[i] = max(y[i], 0) }
        case .sigmoid: for i in 0..<n { y[i] = sigmoid(y[i]) }
        case .tanh: for i in 0..<n { y[i] = Foundation.tanh(y[i]) }
        case .softmax: for r in 0..<rows { softmaxRow(y + r * width, width) }
        }
    }

    /// Numerically stable logistic: 1/(1+e^-x) for x >= 0, e^x/(1+e^x) otherwise.
    @inline(__always) static func sigmoid(_ x: Float) -> Float {
        if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
        let e = Foundation.exp(x)
        return e / (1 + e)
    }

    /// softmax(x)_i = e^(x_i - max) / sum_j e^(x_j - max), in place.
    static func softmaxRow(_ x: UnsafeMutablePointer<Float>, _ n: Int) {
        var m = -Float.infinity
        for i in 0..<n { m = max(m, x[i]) }
        var s: Float = 0
        for i in 0..<n { x[i] = Foundation.exp(x[i] - m); s += x[i] }
        let inv = 1 / s
        for i in 0..<n { x[i] *= inv }
    }

    /// dy <- dL/dx given y = act(x), in place.
    static func backward(_ activation: Activation, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
                         rows: Int, width: Int) {
        let n = rows * width
        switch activation {
        case .linear: return
        case .relu: for i in 0..<n { dy[i] = y[i] > 0 ? dy[i] : 0 }
        case .sigmoid: for i in 0..<n { dy[i] *= y[i] * (1 - y[i]) }
        case .tanh: for i in 0..<n { dy[i] *= 1 - y[i] * y[i] }
        case .softmax:
            for r in 0..<rows {
                let yr = y + r * width, dr = dy + r * width
                var dot: Float = 0
                for j in 0..<width { dot += dr[j] * yr[j] }
                for j in 0..<width { dr[j] = yr[j] * (dr[j] - dot) }
            }
        }
    }

    /// column sums: out[j] = sum_r m[r, j], rows in increasing order.
    static func columnSums(_ m: UnsafePointer<Float>, rows: Int, width: Int, into out: UnsafeMutablePointer<Float>) {
        out.update(repeating: 0, count: width)
        for r in 0..<rows {
            let row = m + r * width
            for j in 0..<width { out[j] += row[j] }
        }
    }
}
