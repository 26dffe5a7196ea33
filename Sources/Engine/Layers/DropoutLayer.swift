/// Keras `Dropout(rate)`: inverted dropout. In training each element is kept when u >= rate
/// (u uniform in [0, 1) from the pass's seeded generator, a fresh mask every step) and scaled by
/// 1 / (1 - rate); otherwise zeroed. At inference y = x.
final class DropoutLayer: Layer {
    let inputSize: Int
    var outputSize: Int { inputSize }
    let rate: Float
    let parameters: [Parameter] = []
    private let mask = FloatBuffer(count: 1)
    private var maskActive = false

    init(size: Int, rate: Float) {
        inputSize = size
        self.rate = rate
    }

    func reserve(batch: Int) { mask.reserve(batch * inputSize) }

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, pass: Pass) {
        let n = batch * inputSize
        maskActive = pass.training && rate > 0
        guard maskActive else {
            y.update(from: x, count: n)
            return
        }
        reserve(batch: batch)
        let m = mask.pointer
        let scale = 1 / (1 - rate)
        for i in 0..<n {
            m[i] = pass.generator.nextUniformFloat() >= rate ? scale : 0
            y[i] = x[i] * m[i]
        }
    }

    /// The keep flags of the last forward pass over `batch` samples: 1 where the element was kept,
    /// 0 where dropped, sample-major. All ones when that pass did not drop (inference, or rate 0).
    func keepFlags(batch: Int) -> [UInt8] {
        let n = batch * inputSize
        guard maskActive else { return [UInt8](repeating: 1, count: n) }
        let m = mask.pointer
        return (0..<n).map { m[$0] != 0 ? 1 : 0 }
    }

    func backward(
        x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
        dx: UnsafeMutablePointer<Float>?, batch: Int, pass: Pass
    ) {
        guard let dx else { return }
        let n = batch * inputSize
        if maskActive {
            let m = mask.pointer
            for i in 0..<n { dx[i] = dy[i] * m[i] }
        } else {
            dx.update(from: dy, count: n)
        }
    }
}
