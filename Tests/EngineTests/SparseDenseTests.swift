import CKernels
import XCTest

@testable import Engine

/// The Dense layer's sparse path (inputs mostly zero) against its GEMM path.
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

    /// The same bits as the GEMMs: the sparse chains are the GEMM chains without terms whose input
    /// is exactly zero, which never change a chain that starts from +0.
    func testSparsePathMatchesGEMMBitForBit() throws {
        for (k, n, batch) in [(1000, 128, 32), (77, 48, 5), (600, 16, 64), (1100, 80, 9)] {
            let x = sparseInputs(batch: batch, k: k, seed: UInt64(k))
            var g = SeededGenerator(seed: 8)
            let dy = (0..<(batch * n)).map { _ in g.nextUniformFloat(in: -1, 1) }
            let l = layer(k: k, n: n, activation: .relu)
            let s = run(l, x: x, dy: dy, batch: batch, sparse: true)
            let d = run(l, x: x, dy: dy, batch: batch, sparse: false)
            XCTAssertTrue(s.tookSparse)
            XCTAssertFalse(d.tookSparse)
            XCTAssertEqual(s.y, d.y, "y \(k)x\(n)")
            XCTAssertEqual(s.dw, d.dw, "dW \(k)x\(n)")
            XCTAssertEqual(s.db, d.db, "db \(k)x\(n)")
            XCTAssertEqual(s.dx, d.dx, "dx \(k)x\(n)")
        }
    }

    /// Dense inputs keep the GEMM path; the sparse path gives the same bits with 1 and 3 threads.
    func testPathChoiceAndThreadIndependence() throws {
        let l = layer(k: 1100, n: 64, activation: .relu)
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
}
