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
        b.withUnsafeBufferPointer { bp in
            c.withUnsafeMutableBufferPointer { multiply(bp.baseAddress!, n: n, into: $0.baseAddress!) }
        }
        return c
    }

    /// Width of the tiles `multiplyTile` works on.
    static let tileWidth = 32

    /// C = A B for B of exactly `tileWidth` (32) columns: each row of C is held in eight 4-lane
    /// registers while the row's stored entries are added (acc += v B[c, :]), then written once.
    /// Same sums in the same order as `multiply(_:n:into:)`, without reloading C for every entry.
    func multiplyTile(_ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>) {
        typealias V = SIMD4<Float>
        let s = MemoryLayout<Float>.stride
        rowPointers.withUnsafeBufferPointer { rp in
            columnIndices.withUnsafeBufferPointer { ci in
                values.withUnsafeBufferPointer { vs in
                    let base = UnsafeRawPointer(b)
                    for r in 0..<rows {
                        var a0 = V()
                        var a1 = V()
                        var a2 = V()
                        var a3 = V()
                        var a4 = V()
                        var a5 = V()
                        var a6 = V()
                        var a7 = V()
                        for p in Int(rp[r])..<Int(rp[r + 1]) {
                            let v = V(repeating: vs[p])
                            let x = base + Int(ci[p]) * 32 * s
                            a0 += v * x.loadUnaligned(fromByteOffset: 0 * s, as: V.self)
                            a1 += v * x.loadUnaligned(fromByteOffset: 4 * s, as: V.self)
                            a2 += v * x.loadUnaligned(fromByteOffset: 8 * s, as: V.self)
                            a3 += v * x.loadUnaligned(fromByteOffset: 12 * s, as: V.self)
                            a4 += v * x.loadUnaligned(fromByteOffset: 16 * s, as: V.self)
                            a5 += v * x.loadUnaligned(fromByteOffset: 20 * s, as: V.self)
                            a6 += v * x.loadUnaligned(fromByteOffset: 24 * s, as: V.self)
                            a7 += v * x.loadUnaligned(fromByteOffset: 28 * s, as: V.self)
                        }
                        let out = UnsafeMutableRawPointer(c + r * 32)
                        out.storeBytes(of: a0, toByteOffset: 0 * s, as: V.self)
                        out.storeBytes(of: a1, toByteOffset: 4 * s, as: V.self)
                        out.storeBytes(of: a2, toByteOffset: 8 * s, as: V.self)
                        out.storeBytes(of: a3, toByteOffset: 12 * s, as: V.self)
                        out.storeBytes(of: a4, toByteOffset: 16 * s, as: V.self)
                        out.storeBytes(of: a5, toByteOffset: 20 * s, as: V.self)
                        out.storeBytes(of: a6, toByteOffset: 24 * s, as: V.self)
                        out.storeBytes(of: a7, toByteOffset: 28 * s, as: V.self)
                    }
                }
            }
        }
    }
}
