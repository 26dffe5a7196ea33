/// The one interface between the engine and a math library: single-precision GEMM, row-major.
///
/// `C = alpha * op(A) * op(B) + beta * C`, op(A) is m x k, op(B) is k x n, C is m x n; `lda`, `ldb`,
/// `ldc` are row strides of the stored (untransposed) matrices. Implementations must be callable
/// from several threads at once and must compute each call on the calling thread only, so that the
/// engine's fixed work split decides the summation order (determinism).
protocol MathBackend: AnyObject {
    /// e.g. "OpenBLAS 0.3.21 (SkylakeX kernels)".
    var name: String { get }
    func sgemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int)
}

/// The backend the engine uses: the first BLAS library that loads, else the portable Swift one.
enum Backend {
    static let shared: MathBackend = BLASLibrary.load() ?? ReferenceMath()
}
