import CKernels
import XCTest

@testable import Engine

/// The Dense layer's sparse path (inputs mostly zero) against its BLAS path.
final class SparseDenseTests: XCTestCase {
    /// A batch with about 70% exact zeros, like the blog model's pooled relu features.
    private func sparseInputs(batch: Int, k: Int, seed: UInt64) -> [Float] {
        var g = SeededGenerator(seed: seed)
        return (0..<(batch * k)).map { _ in g.nextUniformFloat() < 0.7 ? 0 : g.nextUniformFloat(in: 0, 2) }
    }

    private func layer(k: Int, n: Int, activation: Activation) -> DenseLayer {
        var g = SeededGenerator(seed: 4)
        let layer = DenseLayer(inputs: k, units: n, activation: activation, useBias: true, generator: &g)
        for i in 0..<n { layer.bias!.value.pointer[i] = g.nextUniformFloat(in: -0.1, 0.1) }
        return layer
    }

    private func run(_ layer: DenseLayer, x: [Float], dy: [Float], batch: Int, sparse: Bool, threads: Int = 2)
        -> (y: [Float], dx: [Float], dw: [Float], db: [Float], tookSparse: Bool)
    {
        let saved = Network.usesSparseDense
        defer { Network.usesSparseDense = saved }
        Network.usesSparseDense = sparse
        let r = runLayer(layer, x: x, dy: dy, batch: batch, threads: threads)
        return (
            r.y, r.dx, layer.kernel.gradient.array(count: layer.kernel.count),
            layer.bias!.gradient.array(count: layer.outputSize), layer.lastForwardWasSparse
        )
    }

    /// Same values as the GEMMs up to float32 summation order: 1e-5 absolute + 1e-4 relative.
    func testSparsePathMatchesBLAS() throws {
        try XCTSkipUnless(ck_sparse_dense_available(128, 32) != 0, "sparse kernels need AVX-512")
        for (k, n, batch) in [(1000, 128, 32), (77, 48, 5), (600, 16, 64)] {
            let x = sparseInputs(batch: batch, k: k, seed: UInt64(k))
            var g = SeededGenerator(seed: 8)
            let dy = (0..<(batch * n)).map { _ in g.nextUniformFloat(in: -1, 1) }
            for onlyNonzero in [false, true] {
                let l = layer(k: k, n: n, activation: .relu)
                l.inputGradientOnlyWhereNonzero = onlyNonzero
                let s = run(l, x: x, dy: dy, batch: batch, sparse: true)
                let d = run(l, x: x, dy: dy, batch: batch, sparse: false)
                XCTAssertTrue(s.tookSparse)
                XCTAssertFalse(d.tookSparse)
                assertClose(s.y, d.y, absolute: 1e-5, relative: 1e-4, "y \(k)x\(n)")
                assertClose(s.dw, d.dw, absolute: 1e-5, relative: 1e-4, "dW \(k)x\(n)")
                XCTAssertEqual(s.db, d.db, "db \(k)x\(n)")
                // dx: everywhere, or only where x != 0 (zero elsewhere) when the layer below ignores the rest.
                let expected = onlyNonzero ? zip(d.dx, x).map { $1 == 0 ? 0 : $0 } : d.dx
                assertClose(s.dx, expected, absolute: 1e-5, relative: 1e-4, "dx \(k)x\(n) only non-zero \(onlyNonzero)")
            }
        }
    }

    /// Dense inputs keep the BLAS path; the sparse path gives the same bits with 1 and 3 threads.
    func testPathChoiceAndThreadIndependence() throws {
        try XCTSkipUnless(ck_sparse_dense_available(128, 32) != 0, "sparse kernels need AVX-512")
        let l = layer(k: 1100, n: 64, activation: .relu)
        l.inputGradientOnlyWhereNonzero = true
        var g = SeededGenerator(seed: 3)
        let full = (0..<(16 * 1100)).map { _ in g.nextUniformFloat(in: 0.1, 1) }
        let dy = (0..<(16 * 64)).map { _ in g.nextUniformFloat(in: -1, 1) }
        XCTAssertFalse(run(l, x: full, dy: dy, batch: 16, sparse: true).tookSparse, "dense input keeps the GEMMs")
        let x = sparseInputs(batch: 16, k: 1100, seed: 5)
        let one = run(l, x: x, dy: dy, batch: 16, sparse: true, threads: 1)
        let three = run(l, x: x, dy: dy, batch: 16, sparse: true, threads: 3)
        XCTAssertTrue(one.tookSparse)
        XCTAssertEqual(one.y, three.y)
        XCTAssertEqual(one.dx, three.dx)
        XCTAssertEqual(one.dw, three.dw)
    }

    /// Which Dense layers may skip dx where their input is zero.
    func testGradientSkipNeedsReluBelow() throws {
        func flags(_ layers: [LayerSpec]) throws -> [Bool] {
            var g = SeededGenerator(seed: 1)
            let model = try Model(spec: ModelSpec(layers: layers), generator: &g)
            return model.network.layers.compactMap { ($0 as? DenseLayer)?.inputGradientOnlyWhereNonzero }
        }
        XCTAssertEqual(try flags(ModelSpec.blogMNIST(dropout: true).layers), [true, true])
        XCTAssertEqual(
            try flags([
                .input(shape: [8]), .dense(units: 16, activation: .tanh, useBias: true),
                .dropout(rate: 0.5), .dense(units: 16, activation: .relu, useBias: true),
                .dense(units: 3, activation: .softmax, useBias: true),
            ]), [false, false, true])
        XCTAssertEqual(
            try flags([
                .input(shape: [6, 6, 1]),
                .conv2D(
                    filters: 16, kernelSize: [3, 3], strides: [1, 1], padding: .valid, activation: .relu, useBias: true),
                .averagePooling2D(poolSize: [2, 2], strides: nil, padding: .valid), .flatten,
                .dense(units: 3, activation: .softmax, useBias: true),
            ]), [false])
    }
}
