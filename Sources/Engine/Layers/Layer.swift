/// One layer of a built network. Buffers are batch-major and contiguous: sample `i` of a layer with
/// per-sample size `n` occupies `[i * n, (i + 1) * n)`, HWC inside a sample.
protocol Layer: AnyObject {
    /// Per-sample input and output sizes (element counts).
    var inputSize: Int { get }
    var outputSize: Int { get }
    /// Weight tensors in Keras' `get_weights()` order (kernel, bias; gamma, beta, mean, variance).
    var parameters: [Parameter] { get }
    /// True when the output is the input unchanged (Flatten): the network passes pointers through.
    var isView: Bool { get }
    /// Grows internal scratch for batches of up to `batch` samples (no allocation afterwards).
    func reserve(batch: Int)
    /// y = f(x) for `batch` samples.
    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, pass: Pass)
    /// Backpropagation: `dy` = dL/dy (may be overwritten); writes the gradients of `parameters`
    /// (overwriting them) and dL/dx into `dx` unless nil (the first layer needs no input gradient).
    func backward(
        x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
        dx: UnsafeMutablePointer<Float>?, batch: Int, pass: Pass)
}

extension Layer {
    var isView: Bool { false }
    func reserve(batch: Int) {}
}

/// One weight tensor with its gradient, stored in Keras' layout (row-major over its shape).
final class Parameter {
    let name: String
    let shape: [Int]
    let count: Int
    let value: FloatBuffer
    let gradient: FloatBuffer
    /// False for BatchNormalization's moving statistics (updated by the layer, not the optimizer).
    let trainable: Bool

    init(name: String, shape: [Int], trainable: Bool = true) {
        self.name = name
        self.shape = shape
        count = shape.reduce(1, *)
        value = FloatBuffer(count: count)
        gradient = FloatBuffer(count: count)
        self.trainable = trainable
    }

    /// glorot_uniform (Glorot & Bengio 2010; Keras default): U(-l, l), l = sqrt(6 / (fan_in + fan_out)).
    func glorotUniform(fanIn: Int, fanOut: Int, generator: inout SeededGenerator) {
        let limit = Float((6.0 / Double(fanIn + fanOut)).squareRoot())
        for i in 0..<count { value.pointer[i] = generator.nextUniformFloat(in: -limit, limit) }
    }
}

/// The state of one forward/backward pass: training flag, thread count, math backend and the
/// seeded generator (dropout masks).
final class Pass {
    var training: Bool
    var threads: Int
    var generator: SeededGenerator
    let math: MathBackend

    init(training: Bool, threads: Int, generator: SeededGenerator, math: MathBackend = Backend.shared) {
        self.training = training
        self.threads = max(1, threads)
        self.generator = generator
        self.math = math
    }
}
