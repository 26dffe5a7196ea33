/// A model's weights as one file, dense or with pruned kernels in CSR form, to measure honestly how
/// much smaller a pruned model is (a mask alone saves nothing: the zeros are still stored).
///
/// Layout, little-endian:
/// ```
/// "NBSP"  UInt32 version = 1  UInt32 tensor count
/// per tensor:  UInt8 layout (0 dense, 1 CSR)  UInt8 rank  UInt32 dims[rank]
///   dense: Float32 values[count]
///   CSR of the transposed kernel (out x fan_in, see CSRMatrix(transposedKernel:)):
///          UInt32 nnz  UInt8 index width (2 or 4)  UInt32 rowPointers[out + 1]
///          UInt16/UInt32 columnIndices[nnz]  Float32 values[nnz]
/// ```
/// Sizes: a dense tensor takes 2 + 4 rank + 4 count bytes; a CSR one 2 + 4 rank + 5 + 4 (out + 1)
/// + (w + 4) nnz with w the index width. In the sparse file a kernel is stored as CSR only when
/// that is smaller than dense (below about 33 % sparsity CSR is larger); biases stay dense.
public enum SparseModelFile {
    static let magic: [UInt8] = Array("NBSP".utf8)

    /// The file of `parameters` (shapes `shapes`); tensors in `sparseCandidates` are written as CSR
    /// when that is smaller. An empty candidate list gives the dense file.
    public static func encode(parameters: [[Float]], shapes: [[Int]], sparseCandidates: [Int]) -> [UInt8] {
        precondition(parameters.count == shapes.count, "one shape per tensor")
        var out = ByteWriter()
        out.append(magic)
        out.uint32(1)
        out.uint32(UInt32(parameters.count))
        for (index, (values, shape)) in zip(parameters, shapes).enumerated() {
            precondition(values.count == shape.reduce(1, *), "tensor \(index) does not match its shape")
            var csr: CSRMatrix?
            if sparseCandidates.contains(index), shape.count >= 2 {
                let candidate = CSRMatrix(transposedKernel: values, shape: shape)
                if 5 + candidate.byteCount < 4 * values.count { csr = candidate }
            }
            out.uint8(csr == nil ? 0 : 1)
            out.uint8(UInt8(shape.count))
            for d in shape { out.uint32(UInt32(d)) }
            if let csr {
                out.uint32(UInt32(csr.nonzeroCount))
                out.uint8(UInt8(csr.columnIndexWidth))
                for p in csr.rowPointers { out.uint32(p) }
                for c in csr.columnIndices {
                    if csr.columnIndexWidth == 2 { out.uint16(UInt16(c)) } else { out.uint32(c) }
                }
                for v in csr.values { out.uint32(v.bitPattern) }
            } else {
                for v in values { out.uint32(v.bitPattern) }
            }
        }
        return out.data
    }

    /// Reads a file written by `encode`: the tensors (dense again) and their shapes.
    public static func decode(_ bytes: [UInt8]) throws -> (parameters: [[Float]], shapes: [[Int]]) {
        var input = ByteReader(bytes: bytes)
        guard try input.take(4) == magic else { throw TrainingError("not a sparse model file (bad magic)") }
        guard try input.uint32() == 1 else { throw TrainingError("unsupported sparse model file version") }
        let count = Int(try input.uint32())
        var parameters: [[Float]] = []
        var shapes: [[Int]] = []
        for _ in 0..<count {
            let layout = try input.uint8()
            let rank = Int(try input.uint8())
            var shape: [Int] = []
            for _ in 0..<rank { shape.append(Int(try input.uint32())) }
            let total = shape.reduce(1, *)
            switch layout {
            case 0:
                var values = [Float](repeating: 0, count: total)
                for i in 0..<total { values[i] = Float(bitPattern: try input.uint32()) }
                parameters.append(values)
            case 1:
                guard rank >= 2 else { throw TrainingError("a CSR tensor needs rank >= 2") }
                let out = shape.last!
                let fanIn = total / max(out, 1)
                let nnz = Int(try input.uint32())
                let width = Int(try input.uint8())
                guard width == 2 || width == 4 else { throw TrainingError("bad column index width \(width)") }
                var pointers: [UInt32] = []
                for _ in 0...out { pointers.append(try input.uint32()) }
                var indices: [UInt32] = []
                for _ in 0..<nnz { indices.append(width == 2 ? UInt32(try input.uint16()) : try input.uint32()) }
                var values: [Float] = []
                for _ in 0..<nnz { values.append(Float(bitPattern: try input.uint32())) }
                guard pointers.first == 0, Int(pointers.last!) == nnz, indices.allSatisfy({ Int($0) < fanIn }) else {
                    throw TrainingError("inconsistent CSR tensor")
                }
                let transposed = CSRMatrix(
                    rows: out, columns: fanIn, rowPointers: pointers, columnIndices: indices,
                    values: values
                ).dense()
                var kernel = [Float](repeating: 0, count: total)
                for o in 0..<out { for i in 0..<fanIn { kernel[i * out + o] = transposed[o * fanIn + i] } }
                parameters.append(kernel)
            default:
                throw TrainingError("unknown tensor layout \(layout)")
            }
            shapes.append(shape)
        }
        guard input.atEnd else { throw TrainingError("trailing bytes after the last tensor") }
        return (parameters, shapes)
    }

    /// The size `encode` produces for a dense tensor of `count` values and rank `rank`.
    public static func denseTensorBytes(count: Int, rank: Int) -> Int { 2 + 4 * rank + 4 * count }

    /// The size `encode` produces for a CSR tensor.
    public static func csrTensorBytes(_ csr: CSRMatrix, rank: Int) -> Int { 2 + 4 * rank + 5 + csr.byteCount }

    /// Header bytes: magic, version, tensor count.
    public static let headerBytes = 12
}

/// Appends little-endian integers to a byte array.
struct ByteWriter {
    var data: [UInt8] = []
    mutating func append(_ b: [UInt8]) { data.append(contentsOf: b) }
    mutating func uint8(_ v: UInt8) { data.append(v) }
    mutating func uint16(_ v: UInt16) {
        data.append(UInt8(v & 0xFF))
        data.append(UInt8(v >> 8))
    }
    mutating func uint32(_ v: UInt32) {
        data.append(UInt8(v & 0xFF))
        data.append(UInt8((v >> 8) & 0xFF))
        data.append(UInt8((v >> 16) & 0xFF))
        data.append(UInt8(v >> 24))
    }
}

/// Reads little-endian integers from a byte array; throws at the end.
struct ByteReader {
    let bytes: [UInt8]
    var offset = 0
    var atEnd: Bool { offset == bytes.count }

    mutating func take(_ n: Int) throws -> [UInt8] {
        guard offset + n <= bytes.count else { throw TrainingError("sparse model file ends early") }
        defer { offset += n }
        return Array(bytes[offset..<offset + n])
    }
    mutating func uint8() throws -> UInt8 { try take(1)[0] }
    mutating func uint16() throws -> UInt16 {
        let b = try take(2)
        return UInt16(b[0]) | UInt16(b[1]) << 8
    }
    mutating func uint32() throws -> UInt32 {
        let b = try take(4)
        return UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
    }
}
