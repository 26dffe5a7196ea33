import CKernels

/// Conv2D + bias + relu (or linear) directly followed by MaxPooling2D((2, 2)) computed as one
/// kernel (C `ck_conv_pool_forward`): a direct convolution that writes only the pooled map and the
/// winning cell of each window, using pool(act(z + b)) = act(max(z + b)) (relu and float rounding
/// are monotonic; ties keep the first cell in row-major order, as `Pool2DLayer`).
///
/// Backward (C `ck_conv_pool_filter_grad`): dz = dL/d(pooled) at the winning cell, times
/// [pooled > 0] for relu (TensorFlow's ReluGrad), zero elsewhere; per sample
/// dW[k, f] = sum over cells of x_patch[k] dz[f] and db[f] = sum dz[f] without forming im2col,
/// then the samples' partial sums are added in sample order (fixed, whatever the thread count).
/// dL/dx, when needed, goes through the dense dz map, dz W^T and col2im as the unfused layer.
///
/// The pooling layer becomes a view of the convolution's output buffer, which holds the pooled
/// map (batch-major, pooled size per sample).
extension Conv2DLayer {
    /// Whether this convolution and a following pooling layer can run fused: stride 1, no padding,
    /// relu or linear, filters a multiple of 16, pooling 2x2 with stride 2 and valid padding.
    func canFuse(with pool: Pool2DLayer) -> Bool {
        let g = geometry
        let p = pool.geometry
        return g.strideY == 1 && g.strideX == 1 && g.padTop == 0 && g.padLeft == 0
            && g.outHeight == g.height - g.kernelHeight + 1 && g.outWidth == g.width - g.kernelWidth + 1
            && (activation == .relu || activation == .linear) && filters % 16 == 0
            && pool.kind == .max && p.kernelHeight == 2 && p.kernelWidth == 2 && p.strideY == 2 && p.strideX == 2
            && p.padTop == 0 && p.padLeft == 0 && p.outHeight == g.outHeight / 2 && p.outWidth == g.outWidth / 2
    }

    /// Elements of the pooled map of one sample.
    var pooledSize: Int { (geometry.outHeight / 2) * (geometry.outWidth / 2) * filters }

    func forwardFused(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, pass: Pass) {
        reserve(batch: batch)
        let g = geometry
        let n = filters
        let pooled = pooledSize
        let arg = argmax.pointer
        let w = UnsafePointer(kernel.value.pointer)
        let b = bias.map { UnsafePointer($0.value.pointer) }
        let relu: Int32 = activation == .relu ? 1 : 0
        WorkSplit.run(chunks: batch, threads: pass.threads) { s, _ in
            ck_conv_pool_forward(
                x + s * g.inputSize, Int32(g.height), Int32(g.width), Int32(g.channels),
                Int32(g.kernelHeight), Int32(g.kernelWidth), Int32(n), w, b, relu,
                y + s * pooled, arg + s * pooled)
        }
    }

    func backwardFused(
        x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
        dx: UnsafeMutablePointer<Float>?, batch: Int, pass: Pass
    ) {
        let g = geometry
        let n = filters
        let k = g.patchSize
        let pooled = pooledSize
        let arg = UnsafePointer(argmax.pointer)
        let relu: Int32 = activation == .relu ? 1 : 0
        let width = k * n + n
        let partials = biasPartials.pointer
        let hasBias = bias != nil
        WorkSplit.run(chunks: batch, threads: pass.threads) { s, _ in
            let part = partials + s * width
            ck_conv_pool_filter_grad(
                x + s * g.inputSize, Int32(g.height), Int32(g.width), Int32(g.channels),
                Int32(g.kernelHeight), Int32(g.kernelWidth), Int32(n),
                y + s * pooled, arg + s * pooled, dy + s * pooled, relu,
                part, hasBias ? part + k * n : nil)
        }
        // Sum of the per-sample partials in sample order (fixed), kernel then bias.
        ActivationMath.columnSums(partials, rows: batch, width: width, into: fusedSums.pointer)
        kernel.gradient.pointer.update(from: fusedSums.pointer, count: k * n)
        if let bias { bias.gradient.pointer.update(from: fusedSums.pointer + k * n, count: n) }

        guard let dx else { return }
        let p = g.outputPixels
        while scratch.count < 2 * pass.threads { scratch.append(FloatBuffer(count: max(p * k, p * n))) }
        let buffers = scratch.map(\.pointer)
        let w = UnsafePointer(kernel.value.pointer)
        WorkSplit.run(chunks: batch, threads: pass.threads) { s, worker in
            let dz = buffers[2 * worker]
            let dcol = buffers[2 * worker + 1]
            ck_conv_pool_scatter(
                Int32(g.outHeight), Int32(g.outWidth), Int32(n), y + s * pooled, arg + s * pooled,
                dy + s * pooled, relu, dz)
            pass.math.gemm(transA: false, transB: true, m: p, n: k, k: n, a: dz, lda: n, b: w, ldb: n, c: dcol, ldc: k)
            let dxs = dx + s * g.inputSize
            dxs.update(repeating: 0, count: g.inputSize)
            g.col2imAdd(dcol, dxs)
        }
    }
}
