/// Keras `Conv2D` (channels_last, no dilation): y = act(conv(x, W) + b), W of shape (kh, kw, in, out).
///
/// Computed as im2col + GEMM per sample, [P x K] x [K x out] with P output pixels and
/// K = kh kw in. Backward: dW = col^T dy over the whole batch (one GEMM with K = batch P, split over
/// output channels), db = per-sample sums added in sample order, dx = col2im(dy W^T) per sample.
final class Conv2DLayer: Layer {
    let geometry: WindowGeometry
    let filters: Int
    let activation: Activation
    let kernel: Parameter
    let bias: Parameter?
    var parameters: [Parameter] { [kernel] + (bias.map { [$0] } ?? []) }
    var inputSize: Int { geometry.inputSize }
    var outputSize: Int { geometry.outputPixels * filters }

    private let columns = FloatBuffer(count: 1)
    let biasPartials = FloatBuffer(count: 1)
    var scratch: [FloatBuffer] = []
    private var scratchPointers: [UnsafeMutablePointer<Float>] = []
    /// Set by `Network` when a MaxPooling2D that `canFuse(with:)` follows: the layer then computes
    /// the pooled map itself (Conv2DLayer+FusedPool.swift).
    var fusedPool = false
    /// Fused path: winning cell (0...3) of each pooling window, and the summed partial gradients.
    let argmax = ByteBuffer(count: 1)
    let fusedSums = FloatBuffer(count: 1)

    init(
        input: [Int], filters: Int, kernelSize: [Int], strides: [Int], padding: Padding,
        activation: Activation, useBias: Bool, generator: inout SeededGenerator
    ) {
        geometry = WindowGeometry(input: input, kernel: kernelSize, strides: strides, padding: padding)
        self.filters = filters
        self.activation = activation
        let kh = geometry.kernelHeight
        let kw = geometry.kernelWidth
        let cin = geometry.channels
        kernel = Parameter(name: "kernel", shape: [kh, kw, cin, filters])
        kernel.glorotUniform(fanIn: cin * kh * kw, fanOut: filters * kh * kw, generator: &generator)
        bias = useBias ? Parameter(name: "bias", shape: [filters]) : nil
    }

    func reserve(batch: Int) {
        if fusedPool {
            argmax.reserve(batch * pooledSize)
            biasPartials.reserve(batch * (geometry.patchSize + 1) * filters)
            fusedSums.reserve((geometry.patchSize + 1) * filters)
            return
        }
        columns.reserve(batch * geometry.outputPixels * geometry.patchSize)
        biasPartials.reserve(batch * filters)
    }

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, pass: Pass) {
        if fusedPool { return forwardFused(x, y, batch: batch, pass: pass) }
        reserve(batch: batch)
        let g = geometry
        let p = g.outputPixels
        let k = g.patchSize
        let n = filters
        let col = columns.pointer
        let w = UnsafePointer(kernel.value.pointer)
        let b = bias.map { UnsafePointer($0.value.pointer) }
        WorkSplit.run(chunks: batch, threads: pass.threads) { s, _ in
            let cs = col + s * p * k
            g.im2col(x + s * g.inputSize, cs)
            let ys = y + s * p * n
            pass.math.gemm(transA: false, transB: false, m: p, n: n, k: k, a: cs, lda: k, b: w, ldb: n, c: ys, ldc: n)
            ActivationMath.biasForward(activation, ys, rows: p, width: n, stride: n, bias: b)
        }
    }

    func backward(
        x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
        dx: UnsafeMutablePointer<Float>?, batch: Int, pass: Pass
    ) {
        if fusedPool { return backwardFused(x: x, y: y, dy: dy, dx: dx, batch: batch, pass: pass) }
        let g = geometry
        let p = g.outputPixels
        let k = g.patchSize
        let n = filters
        let partials = biasPartials.pointer
        let hasBias = bias != nil
        WorkSplit.run(chunks: batch, threads: pass.threads) { s, _ in
            ActivationMath.backward(activation, y: y + s * p * n, dy: dy + s * p * n, rows: p, width: n)
            if hasBias { ActivationMath.columnSums(dy + s * p * n, rows: p, width: n, into: partials + s * n) }
        }
        if let bias { ActivationMath.columnSums(partials, rows: batch, width: n, into: bias.gradient.pointer) }

        while dx != nil && scratch.count < pass.threads { scratch.append(FloatBuffer(count: p * k)) }
        if dx != nil && scratchPointers.count != scratch.count { scratchPointers = scratch.map(\.pointer) }
        let scratchPointers = self.scratchPointers
        let col = UnsafePointer(columns.pointer)
        let dyc = UnsafePointer(dy)
        let w = UnsafePointer(kernel.value.pointer)
        let dw = kernel.gradient.pointer
        let wChunks = WorkSplit.chunkCount(n, minimum: 16)
        let xChunks = dx == nil ? 0 : batch
        WorkSplit.run(chunks: wChunks + xChunks, threads: pass.threads) { c, worker in
            if c < wChunks {
                let cols = WorkSplit.range(c, of: wChunks, length: n, multiple: 16)
                pass.math.gemm(
                    transA: true, transB: false, m: k, n: cols.count, k: batch * p,
                    a: col, lda: k, b: dyc + cols.lowerBound, ldb: n, c: dw + cols.lowerBound, ldc: n)
            } else if let dx {
                let s = c - wChunks
                let dcol = scratchPointers[worker]
                pass.math.gemm(
                    transA: false, transB: true, m: p, n: k, k: n,
                    a: dyc + s * p * n, lda: n, b: w, ldb: n, c: dcol, ldc: k)
                let dxs = dx + s * g.inputSize
                dxs.update(repeating: 0, count: g.inputSize)
                g.col2imAdd(dcol, dxs)
            }
        }
    }
}
