import CKernels

/// Dense layers on inputs that are mostly exact zeros (relu outputs: about 70% of the blog model's
/// pooled features after the first epoch): forward and dW visit only the non-zero inputs
/// (C `ck_sparse_dense_forward` / `ck_sparse_dense_backward`, every kernel variant). Each output is
/// the GEMM's fused multiply-add chain in ascending input order without the terms whose input is
/// exactly zero; such a term never changes a chain that starts from +0 (it adds a signed zero to a
/// value that is never -0), so both paths give the same bits for finite weights and the choice of
/// path is a matter of speed only. dL/dx is the GEMM dy W^T.
///
/// The path is chosen per batch from the input's density (deterministic: the data decides).
extension DenseLayer {
    /// Inputs denser than this use the GEMMs (the sparse loop does about 60% of the GEMM's useful
    /// work rate).
    static let sparseDensityLimit = 0.5

    /// Whether the batch `x` takes the sparse path.
    func prefersSparse(_ x: UnsafePointer<Float>, batch: Int) -> Bool {
        guard Network.usesSparseDense, ck_sparse_dense_available(Int32(outputSize), Int32(batch)) != 0 else {
            return false
        }
        let count = batch * inputSize
        return Double(ck_count_nonzero(x, count)) <= DenseLayer.sparseDensityLimit * Double(count)
    }

    func forwardSparse(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, pass: Pass) {
        let n = outputSize
        let k = inputSize
        let stride = k + 16
        nonzeroIndex.reserve(batch * stride)
        nonzeroCounts.reserve(batch)
        let index = nonzeroIndex.pointer
        let counts = nonzeroCounts.pointer
        let w = UnsafePointer(kernel.value.pointer)
        let b = bias.map { UnsafePointer($0.value.pointer) }
        let fuse = activation != .softmax
        let chunks = WorkSplit.chunkCount(batch, minimum: 8)
        WorkSplit.run(chunks: chunks, threads: pass.threads) { c, _ in
            let rows = WorkSplit.range(c, of: chunks, length: batch)
            if rows.isEmpty { return }
            let r0 = rows.lowerBound
            ck_sparse_dense_forward(
                x + r0 * k, k, Int32(rows.count), Int32(k), Int32(n), w, y + r0 * n, n,
                index + r0 * stride, counts + r0)
            if fuse {
                ActivationMath.biasForward(activation, y + r0 * n, rows: rows.count, width: n, stride: n, bias: b)
            }
        }
        if !fuse { ActivationMath.biasForward(activation, y, rows: batch, width: n, stride: n, bias: b) }
    }

    /// dW and dx after `forwardSparse` on the same batch; dy already holds dL/d(pre-activation).
    func backwardSparse(
        x: UnsafePointer<Float>, dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>?,
        batch: Int, pass: Pass
    ) {
        let n = outputSize
        let k = inputSize
        let w = UnsafePointer(kernel.value.pointer)
        let dw = kernel.gradient.pointer
        let index = UnsafePointer(nonzeroIndex.pointer)
        let counts = UnsafePointer(nonzeroCounts.pointer)
        let chunks = max(1, min(8, k / 512))
        WorkSplit.run(chunks: chunks, threads: pass.threads) { c, _ in
            let cols = WorkSplit.range(c, of: chunks, length: k, multiple: 16)
            if cols.isEmpty { return }
            ck_sparse_dense_backward(
                x, k, Int32(batch), Int32(cols.lowerBound), Int32(cols.upperBound), Int32(n), dy, dw, index, counts)
            if let dx {
                pass.math.gemm(
                    transA: false, transB: true, m: batch, n: cols.count, k: n,
                    a: dy, lda: n, b: w + cols.lowerBound * n, ldb: n, c: dx + cols.lowerBound, ldc: k)
            }
        }
    }
}
