import CKernels

/// The engine's GEMM (C `ck_gemm`): B and A packed into panels, register tiles of 8 x 32 (AVX-512),
/// 6 x 16 (AVX2 + FMA) or 4 x 16 (portable) outputs, k in blocks of 256 whose partial sums pass
/// through C. Tiling decides only which outputs are computed together, never a sum's order: each
/// output is one fused multiply-add chain over k ascending, identical in every variant.
final class KernelGEMM: MathBackend {
    var name: String { "nbrun GEMM (\(String(cString: ck_isa_name())) kernels)" }

    func gemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "negative GEMM size")
        ck_gemm(transA ? 1 : 0, transB ? 1 : 0, Int32(m), Int32(n), Int32(k), a, lda, b, ldb, c, ldc)
    }
}
