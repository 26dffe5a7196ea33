import CKernels
import XCTest

@testable import Engine

/// The numerics contract (docs/architecture.md, "The determinism contract"): every kernel variant
/// gives the bits of the reference chains, and whole training runs give the same bits in every
/// variant and with any thread count. A variant this CPU lacks is skipped, and says so.
final class NumericsContractTests: XCTestCase {
    private static let names: [Int32: String] = [0: "portable", 1: "avx2", 2: "avx512"]

    /// Runs `body` with kernel variant `level` (0 portable, 1 avx2, 2 avx512), or skips when the CPU
    /// lacks it; restores the variant in use afterwards.
    private func withVariant<T>(_ level: Int32, _ body: () throws -> T) throws -> T {
        let before: Int32 = ["portable": 0, "avx2": 1, "avx512": 2][String(cString: ck_isa_name())] ?? 0
        defer { _ = ck_force_isa(before) }
        let actual = ck_force_isa(level)
        try XCTSkipUnless(
            actual == level,
            "this CPU has no \(Self.names[level]!) support: the \(Self.names[level]!) variant was not run here")
        return try body()
    }

    // MARK: GEMM against the reference chain

    /// Shapes of every layer's GEMMs (dense forward, dW, dx; convolution forward, dW, dx) plus edges:
    /// tiles cut in rows and columns, k across several blocks of 256, n across column blocks of 512,
    /// m across row blocks of 96, all four transpositions.
    private let shapes: [(m: Int, n: Int, k: Int)] = [
        (32, 128, 700), (300, 128, 32), (32, 600, 128), (169, 32, 27), (27, 16, 1_300), (37, 29, 53),
        (1, 1, 1), (5, 10, 0), (7, 13, 300), (100, 10, 128), (11, 530, 9),
    ]

    private func checkGEMM(_ level: Int32) throws {
        try withVariant(level) {
            var g = SeededGenerator(seed: 5)
            let reference = ReferenceMath()
            for (m, n, k) in shapes {
                for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
                    // About a third exact zeros (relu-like), some negative zeros, mixed magnitudes.
                    let a = (0..<(m * k)).map { i -> Float in
                        let u = g.nextUniformFloat()
                        return u < 0.3 ? (i % 7 == 0 ? -0.0 : 0) : g.nextUniformFloat(in: -2, 2) * (u < 0.4 ? 1e-3 : 1)
                    }
                    let b = (0..<(k * n)).map { _ in g.nextUniformFloat(in: -1, 1) }
                    var c = [Float](repeating: .nan, count: m * n)
                    var expected = [Float](repeating: .nan, count: m * n)
                    Backend.shared.gemm(
                        transA: ta, transB: tb, m: m, n: n, k: k, a: a, lda: ta ? m : k, b: b, ldb: tb ? k : n,
                        c: &c, ldc: n)
                    reference.gemm(
                        transA: ta, transB: tb, m: m, n: n, k: k, a: a, lda: ta ? m : k, b: b, ldb: tb ? k : n,
                        c: &expected, ldc: n)
                    XCTAssertEqual(
                        c.map(\.bitPattern), expected.map(\.bitPattern),
                        "\(Self.names[level]!) \(m)x\(n)x\(k) transA \(ta) transB \(tb)")
                }
            }
        }
    }

    func testGEMMPortableIsTheReferenceChain() throws { try checkGEMM(0) }
    func testGEMMAVX2IsTheReferenceChain() throws { try checkGEMM(1) }
    func testGEMMAVX512IsTheReferenceChain() throws { try checkGEMM(2) }

    // MARK: whole training runs

    /// A model through every kernel: a strided multi-channel `same` convolution (im2col GEMMs),
    /// BatchNormalization, a convolution fused with its pooling, dense layers on sparse relu inputs
    /// (the sparse path) and on dense ones, tanh, sigmoid, dropout, softmax with cross-entropy, Adam.
    private static let spec = ModelSpec(layers: [
        .input(shape: [12, 12, 3]),
        .conv2D(filters: 8, kernelSize: [3, 3], strides: [2, 2], padding: .same, activation: .relu, useBias: true),
        .batchNormalization(momentum: 0.99, epsilon: 0.001),
        .conv2D(filters: 16, kernelSize: [3, 3], strides: [1, 1], padding: .valid, activation: .relu, useBias: true),
        .maxPooling2D(poolSize: [2, 2], strides: nil, padding: .valid),
        .flatten,
        .dense(units: 48, activation: .relu, useBias: true),
        .dense(units: 16, activation: .tanh, useBias: true),
        .dropout(rate: 0.2),
        .dense(units: 16, activation: .sigmoid, useBias: true),
        .dense(units: 4, activation: .softmax, useBias: true),
    ])

    /// History, test evaluation and final weights (as bit patterns) of a short training run.
    private func train(threads: Int) throws -> (history: [[Float]], evaluation: [Float], weights: [[UInt32]]) {
        var g = SeededGenerator(seed: 11)
        let model = try Model(spec: Self.spec, generator: &g)
        // Negative biases on the first dense layer make its relu outputs mostly zero, so the next
        // dense layer takes its sparse path.
        var p = model.parameters
        let names = model.parameterNames
        if let i = names.firstIndex(of: "dense/bias") { p[i] = p[i].map { _ in -0.15 } }
        model.parameters = p
        let count = 160
        let features = (0..<(count * 12 * 12 * 3)).map { _ in max(0, g.nextUniformFloat(in: -0.5, 1)) }
        let labels = (0..<count).map { _ in Int32(g.nextInt(below: 4)) }
        let samples = Samples(shape: [12, 12, 3], features: features, labels: labels)
        let config = FitConfig(
            optimizer: .kerasAdam, loss: .sparseCategoricalCrossentropy, epochs: 3, batchSize: 32,
            validationSplit: 0.2, shuffle: true, threads: threads)
        let history = try model.fit(samples, config: config, generator: &g)
        let evaluation = model.evaluate(samples.slice(0..<64), batchSize: 32, threads: threads)
        let sparse = model.network.layers.compactMap { $0 as? DenseLayer }.contains { $0.lastForwardWasSparse }
        XCTAssertTrue(sparse, "a dense layer took the sparse path")
        return (
            [history.loss, history.accuracy, history.valLoss, history.valAccuracy].map { $0.map { Float($0) } },
            [Float(evaluation.loss), Float(evaluation.accuracy)] + evaluation.predictions.map { Float($0) },
            model.parameters.map { $0.map(\.bitPattern) }
        )
    }

    /// The portable variant with one thread: the baseline every other run must equal.
    private func baseline() throws -> (history: [[Float]], evaluation: [Float], weights: [[UInt32]]) {
        try withVariant(0) { try train(threads: 1) }
    }

    private func checkTraining(_ level: Int32) throws {
        let expected = try baseline()
        for threads in [1, 2, 3] {
            let got = try withVariant(level) { try train(threads: threads) }
            let label = "\(Self.names[level]!), \(threads) threads"
            XCTAssertEqual(got.history, expected.history, "history, \(label)")
            XCTAssertEqual(got.evaluation, expected.evaluation, "evaluation, \(label)")
            XCTAssertEqual(got.weights, expected.weights, "weights, \(label)")
        }
    }

    func testTrainingPortableThreadsAgree() throws { try checkTraining(0) }
    func testTrainingAVX2EqualsPortable() throws { try checkTraining(1) }
    func testTrainingAVX512EqualsPortable() throws { try checkTraining(2) }
}
