/// The one interface between the engine's layers and its matrix product: single-precision GEMM,
/// row-major, `C = op(A) op(B)` (C overwritten).
///
/// op(A) is m x k, op(B) is k x n, C is m x n; `lda`, `ldb`, `ldc` are row strides of the stored
/// (untransposed) matrices. Every output is one fused multiply-add chain over k in ascending order
/// from +0 (the numerics contract, docs/architecture.md), so implementations agree bit for bit.
/// They must be callable from several threads at once and compute each call on the calling thread
/// only, so that the engine's fixed work split decides what runs where.
protocol MathBackend: AnyObject {
    /// e.g. "nbrun GEMM (avx2 kernels)".
    var name: String { get }
    func gemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int)
}

/// The backend the engine uses: its own packed, register-tiled GEMM (`KernelGEMM`).
enum Backend {
    static let shared: MathBackend = KernelGEMM()
}
