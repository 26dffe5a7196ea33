extension CSRMatrix {
    /// C = A B for this sparse A (rows x columns) and a dense row-major B (columns x n); C is
    /// rows x n, row-major, overwritten.
    ///
    /// Row by row: C[r, :] = sum over stored (c, v) of row r of v B[c, :], an axpy over a contiguous
    /// row of B, in stored order. Cost 2 nnz n flops, independent of the zeros.
    public func multiply(_ b: UnsafePointer<Float>, n: Int, into c: UnsafeMutablePointer<Float>) {
        rowPointers.withUnsafeBufferPointer { rp in
            columnIndices.withUnsafeBufferPointer { ci in
                values.withUnsafeBufferPointer { vs in
                    for r in 0..<rows {
                        let out = c + r * n
                        out.update(repeating: 0, count: n)
                        for p in Int(rp[r])..<Int(rp[r + 1]) {
                            let v = vs[p]
                            let row = b + Int(ci[p]) * n
                            for j in 0..<n { out[j] += v * row[j] }
                        }
                    }
                }
            }
        }
    }

    /// C = A B with B given as arrays (convenience for tests).
    public func multiply(_ b: [Float], n: Int) -> [Float] {
        precondition(b.count == columns * n, "B must hold columns x n values")
        var c = [Float](repeating: 0, count: rows * n)
        b.withUnsafeBufferPointer { bp in c.withUnsafeMutableBufferPointer { multiply(bp.baseAddress!, n: n, into: $0.baseAddress!) } }
        return c
    }
}
