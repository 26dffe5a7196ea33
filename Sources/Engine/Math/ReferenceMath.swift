/// Portable GEMM in plain Swift: the fallback when no BLAS library loads, and the independent
/// reference the tests compare BLAS against. Sums over k in increasing order.
final class ReferenceMath: MathBackend {
    var name: String { "portable Swift GEMM" }

    func sgemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        let row = UnsafeMutablePointer<Float>.allocate(capacity: max(n, 1))
        defer { row.deallocate() }
        for i in 0..<m {
            row.update(repeating: 0, count: n)
            for p in 0..<k {
                let aip = transA ? a[p * lda + i] : a[i * lda + p]
                if aip == 0 { continue }
                if transB {
                    for j in 0..<n { row[j] += aip * b[j * ldb + p] }
                } else {
                    let bp = b + p * ldb
                    for j in 0..<n { row[j] += aip * bp[j] }
                }
            }
            let ci = c + i * ldc
            if beta == 0 {
                for j in 0..<n { ci[j] = alpha * row[j] }
            } else {
                for j in 0..<n { ci[j] = alpha * row[j] + beta * ci[j] }
            }
        }
    }
}
