/// Keras `Dense`: y = act(x W + b), W of shape (in, out) as Keras stores it.
///
/// Forward, dW = x^T dy and dx = dy W^T are GEMMs split over output columns (or rows of dW) in a
/// fixed number of chunks; db = column sums of dy, summed over the batch in order. Batches whose
/// input is mostly zeros take the sparse path instead (DenseLayer+Sparse.swift).
final class DenseLayer: Layer {
    let inputSize: Int
    let outputSize: Int
    let activation: Activation
    let kernel: Parameter
    let bias: Parameter?
    var parameters: [Parameter] { [kernel] + (bias.map { [$0] } ?? []) }
    /// Sparse path: whether the last forward took it, and its per-sample non-zero input indices.
    private(set) var lastForwardWasSparse = false
    let nonzeroIndex = IndexBuffer(count: 1)
    let nonzeroCounts = IndexBuffer(count: 1)

    init(inputs: Int, units: Int, activation: Activation, useBias: Bool, generator: inout SeededGenerator) {
        inputSize = inputs
        outputSize = units
        self.activation = activation
        kernel = Parameter(name: "kernel", shape: [inputs, units])
        kernel.glorotUniform(fanIn: inputs, fanOut: units, generator: &generator)
        bias = useBias ? Parameter(name: "bias", shape: [units]) : nil
    }

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, pass: Pass) {
        lastForwardWasSparse = prefersSparse(x, batch: batch)
        if lastForwardWasSparse { return forwardSparse(x, y, batch: batch, pass: pass) }
        let n = outputSize
        let k = inputSize
        let w = UnsafePointer(kernel.value.pointer)
        let b = bias.map { UnsafePointer($0.value.pointer) }
        let chunks = WorkSplit.chunkCount(n, minimum: 64)
        let fuse = activation != .softmax
        WorkSplit.run(chunks: chunks, threads: pass.threads) { c, _ in
            let cols = WorkSplit.range(c, of: chunks, length: n, multiple: 16)
            pass.math.gemm(
                transA: false, transB: false, m: batch, n: cols.count, k: k,
                a: x, lda: k, b: w + cols.lowerBound, ldb: n, c: y + cols.lowerBound, ldc: n)
            if fuse {
                ActivationMath.biasForward(
                    activation, y + cols.lowerBound, rows: batch, width: cols.count,
                    stride: n, bias: b.map { $0 + cols.lowerBound })
            }
        }
        if !fuse { ActivationMath.biasForward(activation, y, rows: batch, width: n, stride: n, bias: b) }
    }

    func backward(
        x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
        dx: UnsafeMutablePointer<Float>?, batch: Int, pass: Pass
    ) {
        let n = outputSize
        let k = inputSize
        ActivationMath.backward(activation, y: y, dy: dy, rows: batch, width: n)
        if let bias { ActivationMath.columnSums(dy, rows: batch, width: n, into: bias.gradient.pointer) }
        if lastForwardWasSparse { return backwardSparse(x: x, dy: dy, dx: dx, batch: batch, pass: pass) }
        let dyc = UnsafePointer(dy)
        let w = UnsafePointer(kernel.value.pointer)
        let dw = kernel.gradient.pointer
        // Chunk c owns rows R of W: dx[:, R] = dy W[R, :]^T and dW[R, :] = x[:, R]^T dy. The chunks
        // are fixed by the layer size; eight give the pool's threads even shares.
        let chunks = max(1, min(8, k / 512))
        WorkSplit.run(chunks: chunks, threads: pass.threads) { c, _ in
            let rows = WorkSplit.range(c, of: chunks, length: k, multiple: 16)
            if rows.isEmpty { return }
            if let dx {
                pass.math.gemm(
                    transA: false, transB: true, m: batch, n: rows.count, k: n,
                    a: dyc, lda: n, b: w + rows.lowerBound * n, ldb: n, c: dx + rows.lowerBound, ldc: k)
            }
            pass.math.gemm(
                transA: true, transB: false, m: rows.count, n: n, k: batch,
                a: x + rows.lowerBound, lda: k, b: dyc, ldb: n, c: dw + rows.lowerBound * n, ldc: n)
        }
    }
}
