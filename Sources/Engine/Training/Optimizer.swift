import CKernels
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
/// - AdamW: first w -= w · wd · lr (decoupled weight decay on every trainable tensor, as Keras 3's
///   `_apply_weight_decay`, with the step's learning rate), then Adam's update.
/// With a `LearningRateSchedule`, lr is the schedule at the number of updates done before this one
/// (Keras evaluates `learning_rate(iterations)` before incrementing it).
/// Updates are elementwise, split over fixed chunks of each tensor (no reduction: any thread count
/// gives the same bits).
/// Every 1 - beta and 1 - rho is Keras' own: computed in double from the decimal, then rounded to
/// Float32 (`kerasComplement`, numerics 4).
final class Optimizer {
    /// Variable: ReduceLROnPlateau sets its constant rate between epochs (`learningRate`).
    var spec: OptimizerSpec
    let schedule: LearningRateSchedule?
    /// The learning rate of the last step (the constant rate before the first).
    private(set) var rate: Float
    let parameters: [Parameter]
    var first: [FloatBuffer] = []
    var second: [FloatBuffer] = []
    var iterations = 0

    /// The rate the next step will use (what Keras' `optimizer.learning_rate` reads between steps).
    var nextRate: Float { schedule?.rate(atStep: iterations) ?? spec.learningRate }
    /// Adam's step size lr sqrt(1 - b2^t) / (1 - b1^t) for the current step.
    private var alpha: Float = 0
    /// The decay complements as Keras computes them (`kerasComplement`): Adam's and AdamW's 1 - b1 and
    /// 1 - b2, RMSprop's 1 - rho as `second`; zero where the optimizer has none.
    private let complement: (first: Float, second: Float)

    init(spec: OptimizerSpec, parameters: [Parameter], schedule: LearningRateSchedule? = nil) {
        self.spec = spec
        self.schedule = schedule
        rate = schedule?.rate(atStep: 0) ?? spec.learningRate
        switch spec {
        case .adam(_, let b1, let b2, _), .adamW(_, _, let b1, let b2, _):
            complement = (Self.kerasComplement(b1), Self.kerasComplement(b2))
        case .rmsprop(_, let rho, _, _):
            complement = (0, Self.kerasComplement(rho))
        case .sgd:
            complement = (0, 0)
        }
        self.parameters = parameters.filter(\.trainable)
        first = self.parameters.map { FloatBuffer(count: $0.count) }
        second = self.parameters.map { FloatBuffer(count: $0.count) }
    }

    /// Applies one update from the parameters' current gradients.
    func step(threads: Int) {
        rate = schedule?.rate(atStep: iterations) ?? spec.learningRate
        iterations += 1
        let lr = rate
        switch spec {
        case .adam(_, let b1, let b2, _), .adamW(_, _, let b1, let b2, _):
            let t = Double(iterations)
            alpha =
                lr * (1 - Float(FloatMath.power(Double(b2), t))).squareRoot()
                / (1 - Float(FloatMath.power(Double(b1), t)))
        default:
            break
        }
        for (index, parameter) in parameters.enumerated() {
            let count = parameter.count
            let chunks = WorkSplit.chunkCount(count, minimum: 65_536)
            WorkSplit.run(chunks: chunks, threads: threads) { c, _ in
                apply(index, elements: WorkSplit.range(c, of: chunks, length: count, multiple: 16))
            }
        }
    }

    /// Updates elements `elements` of tensor `index` (thread-safe for disjoint ranges).
    private func apply(_ index: Int, elements: Range<Int>) {
        let parameter = parameters[index]
        let w = parameter.value.pointer
        let g = UnsafePointer(parameter.gradient.pointer)
        let m = first[index].pointer
        let v = second[index].pointer
        let lr = rate
        switch spec {
        case .adam(_, _, _, let eps):
            Self.adam(
                w: w, g: g, m: m, v: v, range: elements, alpha: alpha, c1: complement.first,
                c2: complement.second, eps: eps)
        case .adamW(_, let wd, _, _, let eps):
            for i in elements { w[i] = w[i] - w[i] * wd * lr }
            Self.adam(
                w: w, g: g, m: m, v: v, range: elements, alpha: alpha, c1: complement.first,
                c2: complement.second, eps: eps)
        case .sgd(_, let momentum, let nesterov):
            for i in elements {
                if momentum == 0 {
                    w[i] -= lr * g[i]
                } else {
                    m[i] = momentum * m[i] - lr * g[i]
                    w[i] += nesterov ? momentum * m[i] - lr * g[i] : m[i]
                }
            }
        case .rmsprop(_, let rho, let momentum, let eps):
            for i in elements {
                v[i] = rho * v[i] + complement.second * g[i] * g[i]
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

    /// The Adam update on `range` (C kernel `ck_adam`, sixteen lanes in the AVX-512 variant): the
    /// same IEEE operations as the scalar formula, rounded separately (no fused multiply-add), with
    /// correctly rounded square root and division, so every variant and chunking gives the same bits.
    static func adam(
        w: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>, m: UnsafeMutablePointer<Float>,
        v: UnsafeMutablePointer<Float>, range: Range<Int>, alpha: Float, c1: Float, c2: Float, eps: Float
    ) {
        let lo = range.lowerBound
        ck_adam(w + lo, g + lo, m + lo, v + lo, range.count, alpha, c1, c2, eps)
    }

    /// 1 - beta as Keras computes it (numerics 4): `1 - self.beta_1` in Python's double from the decimal
    /// the user wrote, rounded to Float32 when it meets the float32 tensors; 0.9 gives 0.1f and 0.999
    /// gives 0.001f, where Float arithmetic gives 1 - 0.9f = 0.100000024 and 1 - 0.999f = 0.00099998713
    /// (1.3e-5 apart, which parts nbrun from Keras within 100 steps; docs/keras-parity.md). The
    /// decimal is read back from the Float's shortest text, as `FitConfig.trainingRows` does.
    static func kerasComplement(_ beta: Float) -> Float {
        Float(1 - (Double("\(beta)") ?? Double(beta)))
    }
}
