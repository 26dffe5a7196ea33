import Foundation

/// Inference with the Dense layers' kernels in CSR form, to measure what pruning buys in time.
///
/// Every Dense layer computes y^T = W^T x^T as CSR x dense (`CSRMatrix.multiplyTile`) on tiles
/// of 32 samples: the tile's inputs are transposed to fan_in x 32, multiplied, and written back
/// with bias and activation. Other layers (Conv2D, pooling...) run their usual dense code: an
/// unstructured sparse convolution kernel saves nothing in im2col + GEMM. Everything runs on one
/// thread, as the dense comparison does.
public final class SparseInference {
    let model: Model
    /// CSR of W^T per layer index, for the Dense layers.
    let sparse: [Int: CSRMatrix]

    /// Uses the model's current weights (prune them first).
    public init(model: Model) {
        self.model = model
        var sparse: [Int: CSRMatrix] = [:]
        for (index, layer) in model.network.layers.enumerated() {
            guard let dense = layer as? DenseLayer else { continue }
            sparse[index] = CSRMatrix(
                transposedKernel: dense.kernel.value.array(count: dense.kernel.count), shape: dense.kernel.shape)
        }
        self.sparse = sparse
    }

    /// Network outputs (logits when the model ends in softmax) for `count` samples, computed with
    /// the sparse Dense layers; `dense: true` uses the ordinary dense path instead.
    public func outputs(_ features: [Float], count: Int, dense: Bool = false) -> [Float] {
        let network = model.network
        precondition(features.count == count * network.sizes[0], "features must hold count x input values")
        network.reserve(batch: count)
        features.withUnsafeBufferPointer { network.input.update(from: $0.baseAddress!, count: features.count) }
        let pass = Pass(training: false, threads: 1, generator: SeededGenerator(seed: 0))
        _ = run(batch: count, pass: pass, dense: dense)
        return Array(UnsafeBufferPointer(start: network.output, count: count * network.outputSize))
    }

    /// Median wall time of a forward pass over the first `batch` rows of `samples`, sparse and
    /// dense, each measured `runs` times after one warm-up, alternating the two.
    public func measureLatency(_ samples: Samples, batch: Int, runs: Int) -> LatencyMeasurement {
        precondition(runs > 0 && batch > 0, "runs and batch must be positive")
        let network = model.network
        let count = min(batch, samples.count)
        network.reserve(batch: count)
        let pass = Pass(training: false, threads: 1, generator: SeededGenerator(seed: 0))
        samples.features.withUnsafeBufferPointer {
            network.input.update(from: $0.baseAddress!, count: count * samples.sampleSize)
        }
        _ = run(batch: count, pass: pass, dense: true)
        _ = run(batch: count, pass: pass, dense: false)
        var dense: [(Double, Double)] = []
        var sparse: [(Double, Double)] = []
        for _ in 0..<runs {
            dense.append(run(batch: count, pass: pass, dense: true))
            sparse.append(run(batch: count, pass: pass, dense: false))
        }
        func median(_ values: [Double]) -> Double {
            let s = values.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        return LatencyMeasurement(
            batch: count, runs: runs,
            denseMilliseconds: median(dense.map(\.0)), sparseMilliseconds: median(sparse.map(\.0)),
            denseLayerMilliseconds: median(dense.map(\.1)), sparseLayerMilliseconds: median(sparse.map(\.1)))
    }

    /// One forward pass; returns (total ms, ms spent in Dense layers). The dense path is the BLAS
    /// GEMM: the engine's input-sparse Dense kernel (which skips zero activations) is switched off
    /// for the pass, so that "dense" means the same code whatever the weights.
    private func run(batch: Int, pass: Pass, dense: Bool) -> (Double, Double) {
        let network = model.network
        let saved = Network.usesSparseDense
        Network.usesSparseDense = false
        defer { Network.usesSparseDense = saved }
        var denseLayerTime: UInt64 = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for (j, layer) in network.layers.enumerated() {
            let layerStart = DispatchTime.now().uptimeNanoseconds
            if !dense, let csr = sparse[j], let denseLayer = layer as? DenseLayer {
                forwardSparse(
                    denseLayer, csr: csr, x: network.activation(j), y: network.activation(j + 1), batch: batch)
            } else {
                layer.forward(network.activation(j), network.activation(j + 1), batch: batch, pass: pass)
            }
            if sparse[j] != nil { denseLayerTime += DispatchTime.now().uptimeNanoseconds - layerStart }
        }
        let total = DispatchTime.now().uptimeNanoseconds - start
        return (Double(total) / 1e6, Double(denseLayerTime) / 1e6)
    }

    /// y = act(x W + b) with W^T in CSR, 32 samples at a time: the tile's inputs are transposed
    /// to fan_in x 32 (zero-padded past the last sample), multiplied by
    /// `CSRMatrix.multiplyTile`, and written back with bias and activation.
    private func forwardSparse(
        _ layer: DenseLayer, csr: CSRMatrix, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, batch: Int
    ) {
        let k = layer.inputSize
        let n = layer.outputSize
        let width = CSRMatrix.tileWidth
        let xT = UnsafeMutablePointer<Float>.allocate(capacity: k * width)
        let yT = UnsafeMutablePointer<Float>.allocate(capacity: n * width)
        defer {
            xT.deallocate()
            yT.deallocate()
        }
        let bias = layer.bias.map { UnsafePointer($0.value.pointer) }
        var lo = 0
        while lo < batch {
            let t = min(width, batch - lo)
            if t < width { xT.update(repeating: 0, count: k * width) }
            Self.transpose(x + lo * k, rows: t, columns: k, into: xT, stride: width)
            csr.multiplyTile(xT, into: yT)
            for b in 0..<t {
                let out = y + (lo + b) * n
                for o in 0..<n { out[o] = yT[o * width + b] }
            }
            ActivationMath.biasForward(layer.activation, y + lo * n, rows: t, width: n, stride: n, bias: bias)
            lo += t
        }
    }
}

/// Median forward-pass times of one batch, single thread.
public struct LatencyMeasurement: Equatable, Sendable, Codable {
    public var batch: Int
    public var runs: Int
    /// The whole model with dense BLAS GEMMs.
    public var denseMilliseconds: Double
    /// The whole model with the Dense layers as CSR x dense.
    public var sparseMilliseconds: Double
    /// The Dense layers alone, dense and sparse.
    public var denseLayerMilliseconds: Double
    public var sparseLayerMilliseconds: Double

    public init(
        batch: Int, runs: Int, denseMilliseconds: Double, sparseMilliseconds: Double,
        denseLayerMilliseconds: Double, sparseLayerMilliseconds: Double
    ) {
        self.batch = batch
        self.runs = runs
        self.denseMilliseconds = denseMilliseconds
        self.sparseMilliseconds = sparseMilliseconds
        self.denseLayerMilliseconds = denseLayerMilliseconds
        self.sparseLayerMilliseconds = sparseLayerMilliseconds
    }
}

extension SparseInference {
    /// out[c * stride + r] = x[r * columns + c] for r < rows, c < columns, in 4 x 4 blocks (four
    /// 4-lane loads, four 4-lane stores) with scalar edges. Columns outer, so the four output rows
    /// of a block are written contiguously and the input rows are read in step.
    static func transpose(
        _ x: UnsafePointer<Float>, rows: Int, columns: Int, into out: UnsafeMutablePointer<Float>, stride: Int
    ) {
        typealias V = SIMD4<Float>
        let s = MemoryLayout<Float>.stride
        let rows4 = rows - rows % 4
        let columns4 = columns - columns % 4
        let src = UnsafeRawPointer(x)
        let dst = UnsafeMutableRawPointer(out)
        var c = 0
        while c < columns4 {
            var r = 0
            while r < rows4 {
                let a = src.loadUnaligned(fromByteOffset: (r * columns + c) * s, as: V.self)
                let b = src.loadUnaligned(fromByteOffset: ((r + 1) * columns + c) * s, as: V.self)
                let d = src.loadUnaligned(fromByteOffset: ((r + 2) * columns + c) * s, as: V.self)
                let e = src.loadUnaligned(fromByteOffset: ((r + 3) * columns + c) * s, as: V.self)
                dst.storeBytes(of: V(a[0], b[0], d[0], e[0]), toByteOffset: (c * stride + r) * s, as: V.self)
                dst.storeBytes(of: V(a[1], b[1], d[1], e[1]), toByteOffset: ((c + 1) * stride + r) * s, as: V.self)
                dst.storeBytes(of: V(a[2], b[2], d[2], e[2]), toByteOffset: ((c + 2) * stride + r) * s, as: V.self)
                dst.storeBytes(of: V(a[3], b[3], d[3], e[3]), toByteOffset: ((c + 3) * stride + r) * s, as: V.self)
                r += 4
            }
            for r in rows4..<rows { for j in c..<c + 4 { out[j * stride + r] = x[r * columns + j] } }
            c += 4
        }
        for j in columns4..<columns { for r in 0..<rows { out[j * stride + r] = x[r * columns + j] } }
    }
}
