import CKernels
import XCTest

@testable import Engine

/// The C kernels and the worker pool: fused Conv2D + MaxPooling2D against the separate layers,
/// every instruction-set variant against the others, and the pool's chunk accounting.
final class FusedKernelTests: XCTestCase {
    /// Builds `spec` twice from the same seed, fused and unfused.
    private func pair(_ spec: ModelSpec) throws -> (fused: Model, plain: Model) {
        let saved = Network.fusesConvolutionAndPooling
        defer { Network.fusesConvolutionAndPooling = saved }
        Network.fusesConvolutionAndPooling = true
        var g1 = SeededGenerator(seed: 5)
        var g2 = SeededGenerator(seed: 5)
        let fused = try Model(spec: spec, generator: &g1)
        Network.fusesConvolutionAndPooling = false
        let plain = try Model(spec: spec, generator: &g2)
        // Non-zero biases, some negative, so relu cuts some windows entirely.
        var g = SeededGenerator(seed: 6)
        fused.parameters = fused.parameters.map { t in t.map { $0 == 0 ? g.nextUniformFloat(in: -0.3, 0.2) : $0 } }
        plain.parameters = fused.parameters
        return (fused, plain)
    }

    /// Logits and every gradient after one forward/backward on the same batch.
    private func run(_ model: Model, batch: Int, threads: Int = 2) -> (logits: [Float], gradients: [[Float]]) {
        let net = model.network
        net.reserve(batch: batch)
        var g = SeededGenerator(seed: 9)
        for i in 0..<(batch * net.sizes[0]) { net.input[i] = g.nextUniformFloat(in: -1, 1) }
        let labels = (0..<batch).map { _ in Int32(g.nextInt(below: net.outputSize)) }
        let pass = Pass(training: true, threads: threads, generator: SeededGenerator(seed: 3))
        net.forward(batch: batch, pass: pass)
        let logits = Array(UnsafeBufferPointer(start: net.output, count: batch * net.outputSize))
        _ = LossHead.evaluate(
            output: net.output, labels: labels, batch: batch, classes: net.outputSize,
            fromLogits: net.headSoftmax, gradient: net.outputGradient)
        net.backward(batch: batch, pass: pass)
        return (logits, net.parameters.map { $0.gradient.array(count: $0.count) })
    }

    private let specs: [ModelSpec] = [
        // The blog's shape (one channel, 3x3, 32 filters: the specialised kernels).
        .blogMNIST(dropout: false),
        // Odd conv output (9 -> pooled 4), 48 filters (a 32 and a 16 block), three input channels,
        // a second fused pair that needs dL/dx, a linear convolution, dropout between.
        ModelSpec(layers: [
            .input(shape: [11, 11, 3]),
            .conv2D(
                filters: 48, kernelSize: [3, 3], strides: [1, 1], padding: .valid, activation: .relu, useBias: true),
            .maxPooling2D(poolSize: [2, 2], strides: nil, padding: .valid),
            .dropout(rate: 0.25),
            .conv2D(
                filters: 16, kernelSize: [2, 3], strides: [1, 1], padding: .valid, activation: .linear, useBias: true),
            .maxPooling2D(poolSize: [2, 2], strides: [2, 2], padding: .valid),
            .flatten,
            .dense(units: 5, activation: .softmax, useBias: true),
        ]),
    ]

    /// The forward is bit-identical (the fused kernel computes each pre-activation with the GEMM's
    /// chain over (ky, kx, c)); the kernel gradient sums per-sample chains in sample order where
    /// the GEMM runs one chain over the batch, so gradients agree to float32 rounding: 1e-5
    /// absolute + 1e-3 relative.
    func testFusedConvolutionPoolingMatchesSeparateLayers() throws {
        for (index, spec) in specs.enumerated() {
            let (fused, plain) = try pair(spec)
            XCTAssertTrue(
                fused.network.layers.contains { ($0 as? Conv2DLayer)?.fusedPool == true }, "model \(index) fuses")
            XCTAssertFalse(plain.network.layers.contains { ($0 as? Conv2DLayer)?.fusedPool == true })
            let a = run(fused, batch: 5)
            let b = run(plain, batch: 5)
            XCTAssertEqual(a.logits, b.logits, "model \(index) logits")
            for (t, name) in fused.parameterNames.enumerated() {
                assertClose(a.gradients[t], b.gradients[t], absolute: 1e-5, relative: 1e-3, "model \(index) \(name)")
            }
        }
    }

    /// Same bits with 1 and 3 threads through the fused path (per-sample partial sums added in order).
    func testFusedPathIsThreadCountIndependent() throws {
        let (fused, _) = try pair(specs[1])
        let one = run(fused, batch: 7, threads: 1)
        let three = run(fused, batch: 7, threads: 3)
        XCTAssertEqual(one.logits, three.logits)
        XCTAssertEqual(one.gradients, three.gradients)
    }

    /// Every variant the CPU has gives the fused results and Adam bit for bit.
    func testInstructionSetVariantsAgree() throws {
        let before: Int32 = ["portable": 0, "avx2": 1, "avx512": 2][String(cString: ck_isa_name())] ?? 0
        defer { _ = ck_force_isa(before) }
        var results: [(Int32, [Float], [[Float]], [Float])] = []
        for level in Int32(0)...2 {
            let actual = ck_force_isa(level)
            if results.contains(where: { $0.0 == actual }) { continue }
            var logits: [Float] = []
            var gradients: [[Float]] = []
            for spec in specs {  // the blog's shape takes the specialised AVX-512 gradient kernel
                let (fused, _) = try pair(spec)
                let r = run(fused, batch: 3)
                logits += r.logits
                gradients += r.gradients
            }
            var w = (0..<1_003).map { Float($0 % 17) * 0.01 - 0.08 }
            var m = w.map { $0 * 0.5 }
            var v = w.map { $0 * $0 }
            let g = w.map { $0 * 3 + 0.01 }
            ck_adam(&w, g, &m, &v, w.count, 0.001, 0.1, 0.001, 1e-7)
            results.append((actual, logits, gradients, w + m + v))
        }
        for other in results.dropFirst() {
            XCTAssertEqual(other.1, results[0].1, "logits, variant \(other.0)")
            XCTAssertEqual(other.2, results[0].2, "gradients, variant \(other.0)")
            XCTAssertEqual(other.3, results[0].3, "Adam, variant \(other.0)")
        }
        // The scalar formula (Swift, no FMA) gives the same bits as the kernel.
        var w: [Float] = [0.3, -0.2, 0]
        var m: [Float] = [0.01, 0, -0.02]
        var v: [Float] = [0.001, 0, 0.5]
        let g: [Float] = [0.5, -0.25, 1e-3]
        var expected = w
        for i in 0..<3 {
            let mi = m[i] + (g[i] - m[i]) * (0.1 as Float)
            let vi = v[i] + (g[i] * g[i] - v[i]) * (0.001 as Float)
            expected[i] = w[i] - (mi * 0.001) / (vi.squareRoot() + 1e-7)
        }
        ck_adam(&w, g, &m, &v, 3, 0.001, 0.1, 0.001, 1e-7)
        XCTAssertEqual(w, expected)
    }

    /// The pool runs every chunk exactly once, for any thread count, and a second caller that finds
    /// it busy runs its chunks itself.
    func testWorkerPoolRunsEachChunkOnce() {
        for threads in [1, 2, 3] {
            let counts = UnsafeMutablePointer<Int>.allocate(capacity: 1000)
            counts.initialize(repeating: 0, count: 1000)
            defer { counts.deallocate() }
            for _ in 0..<20 {
                WorkSplit.run(chunks: 1000, threads: threads) { c, worker in
                    precondition(worker < threads)
                    counts[c] += 1
                }
            }
            XCTAssertEqual(Array(UnsafeBufferPointer(start: counts, count: 1000)), Array(repeating: 20, count: 1000))
        }
        let outer = UnsafeMutablePointer<Int>.allocate(capacity: 8 * 8)
        outer.initialize(repeating: 0, count: 64)
        defer { outer.deallocate() }
        WorkSplit.run(chunks: 8, threads: 2) { a, _ in
            WorkSplit.run(chunks: 8, threads: 2) { b, _ in outer[a * 8 + b] += 1 }
        }
        XCTAssertEqual(Array(UnsafeBufferPointer(start: outer, count: 64)), Array(repeating: 1, count: 64))
    }
}
