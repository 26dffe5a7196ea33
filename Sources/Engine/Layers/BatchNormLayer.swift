import Foundation

/// Keras `BatchNormalization` over the last axis (Ioffe & Szegedy 2015).
///
/// Training: mean and biased variance over all other axes, x^ = (x - mean) / sqrt(var + eps),
/// y = gamma x^ + beta; moving = moving * momentum + batch * (1 - momentum) (Keras 3).
/// Inference uses the moving statistics. Backward:
/// dx = (1 / (N sqrt(var + eps))) (N dx^ - sum dx^ - x^ sum(dx^ x^)), dx^ = dy gamma.
final class BatchNormLayer: Layer {
    let inputSize: Int
    var outputSize: Int { inputSize }
    let channels: Int
    let momentum: Float
    let epsilon: Float
    let gamma, beta, movingMean, movingVariance: Parameter
    var parameters: [Parameter] { [gamma, beta, movingMean, movingVariance] }
    private let normalized = FloatBuffer(count: 1)
    private let inverseStd: FloatBuffer
    private let sums: FloatBuffer

    init(size: Int, channels: Int, momentum: Float, epsilon: Float) {
        inputSize = size
        self.channels = channels
        self.momentum = momentum
        self.epsilon = epsilon
        gamma = Parameter(name: "gamma", shape: [channels])
        beta = Parameter(name: "beta", shape: [channels])
        movingMean = Parameter(name: "moving_mean", shape: [channels], trainable: false)
        movingVariance = Parameter(name: "moving_variance", shape: [channels], trainable: false)
        gamma.value.pointer.update(repeating: 1, count: channels)
        movingVariance.value.pointer.update(repeating: 1, count: channels)
        inverseStd = FloatBuffer(count: channels)
        sums = FloatBuffer(count: 2 * channels)
    }

    func reserve(batch: Int) { normalized.reserve(batch * inputSize) }

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, pass: Pass) {
        let c = channels
        let rows = batch * inputSize / channels
        let g = gamma.value.pointer
        let b = beta.value.pointer
        let mean = sums.pointer
        let variance = sums.pointer + c
        let inv = inverseStd.pointer
        if pass.training {
            reserve(batch: batch)
            ActivationMath.columnSums(x, rows: rows, width: c, into: mean)
            for j in 0..<c { mean[j] /= Float(rows) }
            variance.update(repeating: 0, count: c)
            for r in 0..<rows {
                let xr = x + r * c
                for j in 0..<c {
                    let d = xr[j] - mean[j]
                    variance[j] += d * d
                }
            }
            for j in 0..<c {
                variance[j] /= Float(rows)
                inv[j] = 1 / (variance[j] + epsilon).squareRoot()
                movingMean.value.pointer[j] = movingMean.value.pointer[j] * momentum + mean[j] * (1 - momentum)
                movingVariance.value.pointer[j] =
                    movingVariance.value.pointer[j] * momentum + variance[j] * (1 - momentum)
            }
            let xh = normalized.pointer
            for r in 0..<rows {
                for j in 0..<c {
                    let v = (x[r * c + j] - mean[j]) * inv[j]
                    xh[r * c + j] = v
                    y[r * c + j] = g[j] * v + b[j]
                }
            }
        } else {
            let mm = movingMean.value.pointer
            let mv = movingVariance.value.pointer
            for j in 0..<c { inv[j] = 1 / (mv[j] + epsilon).squareRoot() }
            for r in 0..<rows {
                for j in 0..<c { y[r * c + j] = g[j] * (x[r * c + j] - mm[j]) * inv[j] + b[j] }
            }
        }
    }

    func backward(
        x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
        dx: UnsafeMutablePointer<Float>?, batch: Int, pass: Pass
    ) {
        let c = channels
        let rows = batch * inputSize / channels
        let xh = UnsafePointer(normalized.pointer)
        let inv = inverseStd.pointer
        let g = gamma.value.pointer
        let dg = gamma.gradient.pointer
        let db = beta.gradient.pointer
        dg.update(repeating: 0, count: c)
        db.update(repeating: 0, count: c)
        for r in 0..<rows {
            for j in 0..<c {
                db[j] += dy[r * c + j]
                dg[j] += dy[r * c + j] * xh[r * c + j]
            }
        }
        movingMean.gradient.pointer.update(repeating: 0, count: c)
        movingVariance.gradient.pointer.update(repeating: 0, count: c)
        guard let dx else { return }
        // sum dx^ = gamma * db, sum dx^ x^ = gamma * dg.
        let n = Float(rows)
        for r in 0..<rows {
            for j in 0..<c {
                let dxh = dy[r * c + j] * g[j]
                dx[r * c + j] = inv[j] / n * (n * dxh - g[j] * db[j] - xh[r * c + j] * g[j] * dg[j])
            }
        }
    }
}
