import Foundation

/// The state and update step of an `OptimizerSpec` over a network's trainable parameters.
///
/// Keras 3 rules, elementwise (t = step + 1):
/// - Adam: alpha = lr sqrt(1 - b2^t) / (1 - b1^t); m += (g - m)(1 - b1); v += (g^2 - v)(1 - b2);
///   w -= alpha m / (sqrt(v) + eps)  (Kingma & Ba 2015, "epsilon hat" form; keras/optimizers/adam.py).
/// - SGD: without momentum w -= lr g; with momentum m = momentum m - lr g, then w += m, or with
///   Nesterov w += momentum m - lr g (keras/optimizers/sgd.py).
/// - RMSprop: v = rho v + (1 - rho) g^2; step = lr g / sqrt(v + eps); with momentum m = momentum m + step,
///   w -= m, else w -= step (keras/optimizers/rmsprop.py, not centered).
/// Updates are elementwise, split over fixed chunks of each tensor (no reduction: any thread count
/// gives the same bits).
final class Optimizer {
    let spec: OptimizerSpec
    private let parameters: [Parameter]
    private var first: [FloatBuffer] = []
    private var second: [FloatBuffer] = []
    private(set) var iterations = 0

    init(spec: OptimizerSpec, parameters: [Parameter]) {
        self.spec = spec
        self.parameters = parameters.filter(\.trainable)
        first = self.parameters.map { FloatBuffer(count: $0.count) }
        second = self.parameters.map { FloatBuffer(count: $0.count) }
    }

    /// Applies one update from the parameters' current gradients.
    func step(threads: Int) {
        iterations += 1
        let t = Float(iterations)
        for (index, parameter) in parameters.enumerated() {
            let w = parameter.value.pointer, g = UnsafePointer(parameter.gradient.pointer)
            let m = first[index].pointer, v = second[index].pointer
            let count = parameter.count
            let chunks = WorkSplit.chunkCount(count, minimum: 65_536)
            switch spec {
            case let .adam(lr, b1, b2, eps):
                let alpha = lr * (1 - Foundation.pow(b2, t)).squareRoot() / (1 - Foundation.pow(b1, t))
                WorkSplit.run(chunks: chunks, threads: threads) { c, _ in
                    let r = WorkSplit.range(c, of: chunks, length: count, multiple: 16)
                    Self.adam(w: w, g: g, m: m, v: v, range: r, alpha: alpha, b1: b1, b2: b2, eps: eps)
                }
            case let .sgd(lr, momentum, nesterov):
                WorkSplit.run(chunks: chunks, threads: threads) { c, _ in
                    for i in WorkSplit.range(c, of: chunks, length: count, multiple: 16) {
                        if momentum == 0 {
                            w[i] -= lr * g[i]
                        } else {
                            m[i] = momentum * m[i] - lr * g[i]
                            w[i] += nesterov ? momentum * m[i] - lr * g[i] : m[i]
                        }
                    }
                }
            case let .rmsprop(lr, rho, momentum, eps):
                WorkSplit.run(chunks: chunks, threads: threads) { c, _ in
                    for i in WorkSplit.range(c, of: chunks, length: count, multiple: 16) {
                        v[i] = rho * v[i] + (1 - rho) * g[i] * g[i]
                        let increment = lr * g[i] / (v[i] + eps).squareRoot()
                        if momentum > 0 {
                            m[i] = momentum * m[i] + increment
                            w[i] -= m[i]
                        } else {
                            w[i] -= increment
                        }
                    }
                }
            }
        }
    }

    /// The Adam update on `range`, four lanes at a time (same IEEE operations as the scalar tail, so
    /// the same bits). On x86-64 the square root and division use SSE's sqrtps/divps directly; Swift's
    /// generic SIMD square root lowers to scalar calls.
    static func adam(w: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>, m: UnsafeMutablePointer<Float>,
                     v: UnsafeMutablePointer<Float>, range: Range<Int>, alpha: Float, b1: Float, b2: Float, eps: Float) {
        typealias V = SIMD4<Float>
        let c1 = 1 - b1, c2 = 1 - b2
        var i = range.lowerBound
        let rw = UnsafeMutableRawPointer(w), rg = UnsafeRawPointer(g), rm = UnsafeMutableRawPointer(m),
            rv = UnsafeMutableRawPointer(v)
        let e = V(repeating: eps)
        while i + 4 <= range.upperBound {
            let o = i * 4
            let gi = rg.loadUnaligned(fromByteOffset: o, as: V.self)
            var mi = rm.loadUnaligned(fromByteOffset: o, as: V.self)
            var vi = rv.loadUnaligned(fromByteOffset: o, as: V.self)
            var wi = rw.loadUnaligned(fromByteOffset: o, as: V.self)
            mi += (gi - mi) * c1
            vi += (gi * gi - vi) * c2
            wi -= VectorMath.divide(mi * alpha, VectorMath.squareRoot(vi) + e)
            rm.storeBytes(of: mi, toByteOffset: o, as: V.self)
            rv.storeBytes(of: vi, toByteOffset: o, as: V.self)
            rw.storeBytes(of: wi, toByteOffset: o, as: V.self)
            i += 4
        }
        while i < range.upperBound {
            let gi = g[i]
            m[i] += (gi - m[i]) * c1
            v[i] += (gi * gi - v[i]) * c2
            w[i] -= (m[i] * alpha) / (v[i].squareRoot() + eps)
            i += 1
        }
    }
}
