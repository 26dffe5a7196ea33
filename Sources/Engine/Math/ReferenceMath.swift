/// GEMM in plain Swift, one output at a time: the independent reference the tests compare the C
/// kernels against. Each output is the contract's chain, s = s.addingProduct(A(i, p), B(p, j)) for
/// p ascending from s = +0 (`addingProduct` is IEEE fusedMultiplyAdd), so results must match bit
/// for bit.
final class ReferenceMath: MathBackend {
    var name: String { "reference Swift GEMM" }

    func gemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        for i in 0..<m {
            for j in 0..<n {
                var s: Float = 0
                for p in 0..<k {
                    let aip = transA ? a[p * lda + i] : a[i * lda + p]
                    let bpj = transB ? b[j * ldb + p] : b[p * ldb + j]
                    s = s.addingProduct(aip, bpj)
                }
                c[i * ldc + j] = s
            }
        }
    }
}
