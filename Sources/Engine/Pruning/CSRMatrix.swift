/// A sparse matrix in compressed sparse row form (CSR, also "Yale format"; Saad, "Iterative
/// Methods for Sparse Linear Systems", 2003, section 3.4).
///
/// Row r holds the entries `values[rowPointers[r] ..< rowPointers[r + 1]]` in the columns
/// `columnIndices[...]` (increasing). Exact zeros are not stored (+0 and -0 alike).
public struct CSRMatrix: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    /// rows + 1 offsets into `values`; the first is 0, the last the number of stored entries.
    public let rowPointers: [UInt32]
    public let columnIndices: [UInt32]
    public let values: [Float]

    public init(rows: Int, columns: Int, rowPointers: [UInt32], columnIndices: [UInt32], values: [Float]) {
        precondition(rowPointers.count == rows + 1, "CSR needs rows + 1 row pointers")
        precondition(columnIndices.count == values.count, "one column index per value")
        precondition(
            rowPointers.first == 0 && Int(rowPointers.last!) == values.count, "row pointers must span the values")
        self.rows = rows
        self.columns = columns
        self.rowPointers = rowPointers
        self.columnIndices = columnIndices
        self.values = values
    }

    /// The non-zero entries of a dense row-major `rows` x `columns` matrix.
    public init(dense: [Float], rows: Int, columns: Int) {
        precondition(dense.count == rows * columns, "dense matrix must hold rows x columns values")
        var pointers: [UInt32] = [0]
        pointers.reserveCapacity(rows + 1)
        var indices: [UInt32] = []
        var values: [Float] = []
        for r in 0..<rows {
            for c in 0..<columns {
                let v = dense[r * columns + c]
                if v != 0 {
                    indices.append(UInt32(c))
                    values.append(v)
                }
            }
            pointers.append(UInt32(values.count))
        }
        self.init(rows: rows, columns: columns, rowPointers: pointers, columnIndices: indices, values: values)
    }

    /// The CSR form of a Keras kernel transposed: a Dense kernel (in, out) or a Conv2D kernel
    /// (kh, kw, in, out) is stored as the out x fan_in matrix W^T, one row per output unit, so that
    /// y^T = W^T x^T is a CSR x dense product.
    public init(transposedKernel kernel: [Float], shape: [Int]) {
        precondition(shape.count >= 2, "a kernel has at least two dimensions")
        let out = shape.last!
        let fanIn = shape.dropLast().reduce(1, *)
        precondition(kernel.count == fanIn * out, "kernel does not match its shape")
        var transposed = [Float](repeating: 0, count: kernel.count)
        for i in 0..<fanIn {
            for o in 0..<out { transposed[o * fanIn + i] = kernel[i * out + o] }
        }
        self.init(dense: transposed, rows: out, columns: fanIn)
    }

    /// Number of stored (non-zero) entries.
    public var nonzeroCount: Int { values.count }

    /// The dense row-major matrix.
    public func dense() -> [Float] {
        var out = [Float](repeating: 0, count: rows * columns)
        for r in 0..<rows {
            for p in Int(rowPointers[r])..<Int(rowPointers[r + 1]) {
                out[r * columns + Int(columnIndices[p])] = values[p]
            }
        }
        return out
    }

    /// Bytes of the column indices when each takes the narrowest unsigned width that holds
    /// `columns - 1`: 2 (UInt16) up to 65,536 columns, else 4.
    public var columnIndexWidth: Int { columns <= 65_536 ? 2 : 4 }

    /// Stored bytes: values float32 (4 nnz) + column indices (w nnz) + row pointers uint32 (4 (rows + 1)).
    public var byteCount: Int { 4 * nonzeroCount + columnIndexWidth * nonzeroCount + 4 * (rows + 1) }
}
