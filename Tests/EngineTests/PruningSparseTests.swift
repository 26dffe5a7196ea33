import XCTest

@testable import Engine

/// CSR storage, the sparse model file and sparse inference.
final class PruningSparseTests: XCTestCase {
    func testCSRRoundTripAndLayout() {
        let dense: [Float] = [
            0, 2, 0, 0,
            0, 0, 0, 0,
            3, 0, -0.0, 4,
        ]
        let csr = CSRMatrix(dense: dense, rows: 3, columns: 4)
        XCTAssertEqual(csr.rowPointers, [0, 1, 1, 3])
        XCTAssertEqual(csr.columnIndices, [1, 0, 3])
        XCTAssertEqual(csr.values, [2, 3, 4])
        XCTAssertEqual(csr.dense().map { $0 == 0 ? 0 : $0 }, dense.map { $0 == 0 ? 0 : $0 })
        // 3 values x (4 + 2) + 4 row pointers x 4
        XCTAssertEqual(csr.byteCount, 3 * 6 + 4 * 4)
        XCTAssertEqual(
            CSRMatrix(dense: [Float](repeating: 1, count: 70_000), rows: 1, columns: 70_000).columnIndexWidth, 4)
    }

    func testTransposedKernelAndProductEqualDense() {
        var g = SeededGenerator(seed: 9)
        let fanIn = 37
        let out = 11
        let n = 13
        var kernel = (0..<(fanIn * out)).map { _ in g.nextUniformFloat(in: -1, 1) }
        for i in kernel.indices where i % 3 != 0 { kernel[i] = 0 }
        let csr = CSRMatrix(transposedKernel: kernel, shape: [fanIn, out])
        XCTAssertEqual(csr.rows, out)
        XCTAssertEqual(csr.columns, fanIn)
        let x = (0..<(fanIn * n)).map { _ in g.nextUniformFloat(in: -1, 1) }  // fanIn x n
        let product = csr.multiply(x, n: n)  // out x n = W^T x
        for o in 0..<out {
            for j in 0..<n {
                var sum = 0.0
                for i in 0..<fanIn { sum += Double(kernel[i * out + o]) * Double(x[i * n + j]) }
                XCTAssertEqual(Double(product[o * n + j]), sum, accuracy: 1e-5)
            }
        }
    }

    func testSparseFileRoundTripAndSizeFormula() throws {
        var g = SeededGenerator(seed: 10)
        let model = try Model(spec: .blogMNIST(dropout: false), generator: &g)
        let masks = model.magnitudeMasks(sparsity: 0.9, scope: .global)
        model.applyMasks(masks)
        let weights = model.parameters
        let shapes = model.parameterShapes
        let denseFile = SparseModelFile.encode(parameters: weights, shapes: shapes, sparseCandidates: [])
        XCTAssertEqual(
            denseFile.count,
            SparseModelFile.headerBytes
                + zip(weights, shapes).reduce(0) {
                    $0 + SparseModelFile.denseTensorBytes(count: $1.0.count, rank: $1.1.count)
                })
        XCTAssertEqual(denseFile.count, 12 + 4 * 693_962 + 6 * 2 + 4 * (4 + 1 + 2 + 1 + 2 + 1))
        let sparseFile = SparseModelFile.encode(
            parameters: weights, shapes: shapes, sparseCandidates: model.prunableParameterIndices)
        var expected = SparseModelFile.headerBytes
        for (index, (w, shape)) in zip(weights, shapes).enumerated() {
            let csr = CSRMatrix(transposedKernel: w, shape: shape.count >= 2 ? shape : [1, w.count])
            let sparse =
                shape.count >= 2 && model.prunableParameterIndices.contains(index)
                && SparseModelFile.csrTensorBytes(csr, rank: shape.count)
                    < SparseModelFile.denseTensorBytes(count: w.count, rank: shape.count)
            expected +=
                sparse
                ? SparseModelFile.csrTensorBytes(csr, rank: shape.count)
                : SparseModelFile.denseTensorBytes(count: w.count, rank: shape.count)
        }
        XCTAssertEqual(sparseFile.count, expected)
        XCTAssertGreaterThan(
            Double(denseFile.count) / Double(sparseFile.count), 6.0, "90 % sparse: about 4 / (0.1 x 6) = 6.7x smaller")
        let decoded = try SparseModelFile.decode(sparseFile)
        XCTAssertEqual(decoded.shapes, shapes)
        XCTAssertEqual(
            decoded.parameters.map { $0.map(\.bitPattern) }, weights.map { $0.map { $0 == 0 ? 0 : $0.bitPattern } })
        XCTAssertThrowsError(try SparseModelFile.decode(Array(sparseFile.dropLast())))
    }

    func testSparseInferenceEqualsDense() throws {
        var g = SeededGenerator(seed: 11)
        let spec = ModelSpec(layers: [
            .input(shape: [6, 6, 1]),
            .conv2D(
                filters: 3, kernelSize: [3, 3], strides: [1, 1], padding: .valid, activation: .relu, useBias: true),
            .flatten,
            .dense(units: 20, activation: .relu, useBias: true),
            .dense(units: 4, activation: .softmax, useBias: true),
        ])
        let model = try Model(spec: spec, generator: &g)
        var weights = model.parameters
        for i in weights.indices { for j in weights[i].indices { weights[i][j] += g.nextUniformFloat(in: -0.1, 0.1) } }
        model.parameters = weights
        model.applyMasks(model.magnitudeMasks(sparsity: 0.7, scope: .layer))
        let count = 70  // more than one tile of 64
        let features = (0..<(count * 36)).map { _ in g.nextUniformFloat(in: 0, 1) }
        let inference = SparseInference(model: model)
        let sparse = inference.outputs(features, count: count)
        let dense = inference.outputs(features, count: count, dense: true)
        for (a, b) in zip(sparse, dense) { XCTAssertEqual(a, b, accuracy: 1e-5) }
        let latency = inference.measureLatency(
            Samples(shape: [6, 6, 1], features: features, labels: [Int32](repeating: 0, count: count)),
            batch: count, runs: 3)
        XCTAssertEqual(latency.batch, count)
        XCTAssertGreaterThan(latency.denseMilliseconds, 0)
        XCTAssertGreaterThan(latency.sparseMilliseconds, 0)
        XCTAssertLessThanOrEqual(latency.sparseLayerMilliseconds, latency.sparseMilliseconds)
    }
}

extension PruningSparseTests {
    /// 4 x 4 blocks and both scalar edges (7 rows, 10 columns) into a padded stride.
    func testTransposeWithEdges() {
        let rows = 7
        let columns = 10
        let stride = 8
        let x = (0..<(rows * columns)).map(Float.init)
        var out = [Float](repeating: -1, count: columns * stride)
        x.withUnsafeBufferPointer { xp in
            out.withUnsafeMutableBufferPointer {
                SparseInference.transpose(
                    xp.baseAddress!, rows: rows, columns: columns, into: $0.baseAddress!, stride: stride)
            }
        }
        for r in 0..<rows { for c in 0..<columns { XCTAssertEqual(out[c * stride + r], x[r * columns + c]) } }
        for c in 0..<columns { XCTAssertEqual(out[c * stride + 7], -1, "padding untouched") }
    }
}
