/// Keras `Activation(name)`: y = act(x), elementwise (softmax over the last axis of width `width`).
final class ActivationLayer: Layer {
    let inputSize: Int
    var outputSize: Int { inputSize }
    let width: Int
    let activation: Activation
    let parameters: [Parameter] = []

    init(size: Int, lastAxis: Int, activation: Activation) {
        inputSize = size
        width = lastAxis
        self.activation = activation
    }

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, pass: Pass) {
        y.update(from: x, count: batch * inputSize)
        ActivationMath.forward(activation, y, rows: batch * inputSize / width, width: width)
    }

    func backward(
        x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
        dx: UnsafeMutablePointer<Float>?, batch: Int, pass: Pass
    ) {
        guard let dx else { return }
        ActivationMath.backward(activation, y: y, dy: dy, rows: batch * inputSize / width, width: width)
        dx.update(from: dy, count: batch * inputSize)
    }
}

/// Keras `Flatten` (HWC samples are already contiguous), also used as the identity for a final
/// `Activation("softmax")` that the loss fuses: the output is the input (a view).
final class FlattenLayer: Layer {
    let inputSize: Int
    var outputSize: Int { inputSize }
    let parameters: [Parameter] = []
    var isView: Bool { true }

    init(size: Int) { inputSize = size }

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, pass: Pass) {
        if UnsafePointer(y) != x { y.update(from: x, count: batch * inputSize) }
    }

    func backward(
        x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
        dx: UnsafeMutablePointer<Float>?, batch: Int, pass: Pass
    ) {
        if let dx, dx != dy { dx.update(from: dy, count: batch * inputSize) }
    }
}
