/// Keras `GlobalAveragePooling2D` and `GlobalMaxPooling2D`: one value per channel over height and
/// width (the output is C values, or 1 x 1 x C with `keepdims`, the same numbers).
///
/// - average: y_c = (Σ x_hwc) / (H·W), summed in index order; dx = dy_c / (H·W).
/// - max: y_c = max x_hwc; the gradient is shared equally among the positions that reach the
///   maximum, dx = dy_c / (number of them) (TensorFlow's gradient of `reduce_max`).
final class GlobalPool2DLayer: Layer {
    enum Kind { case average, max }

    let kind: Kind
    let inputSize: Int
    let outputSize: Int
    let parameters: [Parameter] = []
    private let positions: Int

    init(kind: Kind, input: [Int]) {
        self.kind = kind
        positions = input[0] * input[1]
        outputSize = input[2]
        inputSize = positions * input[2]
    }

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, pass: Pass) {
        let channels = outputSize
        for i in 0..<batch {
            let xs = x + i * inputSize
            let ys = y + i * channels
            for c in 0..<channels {
                var v = xs[c]
                for p in 1..<max(positions, 1) {
                    let e = xs[p * channels + c]
                    switch kind {
                    case .average: v += e
                    case .max: if e > v { v = e }
                    }
                }
                ys[c] = kind == .average ? v / Float(positions) : v
            }
        }
    }

    func backward(
        x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
        dx: UnsafeMutablePointer<Float>?, batch: Int, pass: Pass
    ) {
        guard let dx else { return }
        let channels = outputSize
        for i in 0..<batch {
            let xs = x + i * inputSize
            let ys = y + i * channels
            let gs = dy + i * channels
            let ds = dx + i * inputSize
            for c in 0..<channels {
                switch kind {
                case .average:
                    let g = gs[c] / Float(positions)
                    for p in 0..<positions { ds[p * channels + c] = g }
                case .max:
                    var count = 0
                    for p in 0..<positions where xs[p * channels + c] == ys[c] { count += 1 }
                    let g = gs[c] / Float(count)
                    for p in 0..<positions { ds[p * channels + c] = xs[p * channels + c] == ys[c] ? g : 0 }
                }
            }
        }
    }
}
