import Foundation

/// Gradual pruning schedule of Zhu & Gupta 2017 ("To prune, or not to prune"), as TF Model
/// Optimization's `PolynomialDecay`.
///
/// s_t = s_f + (s_i - s_f) (1 - (t - t0) / (n dt))^3 for t0 <= t <= t0 + n dt, where t counts
/// optimizer steps, t0 = `beginStep`, t0 + n dt = `endStep`, dt = `frequency`. Masks are
/// recomputed (from the current weights' magnitudes) at t0, t0 + dt, t0 + 2 dt, ... and once more
/// at `endStep` so that the final sparsity is always reached; after `endStep` they stay fixed.
public struct GradualSchedule: Equatable, Sendable, Codable {
    public var initialSparsity: Double
    public var finalSparsity: Double
    public var beginStep: Int
    public var endStep: Int
    public var frequency: Int
    public var power: Double = 3

    public init(
        initialSparsity: Double, finalSparsity: Double, beginStep: Int, endStep: Int, frequency: Int, power: Double = 3
    ) {
        precondition(frequency > 0, "frequency must be positive")
        precondition(endStep >= beginStep, "endStep must not precede beginStep")
        self.initialSparsity = initialSparsity
        self.finalSparsity = finalSparsity
        self.beginStep = beginStep
        self.endStep = endStep
        self.frequency = frequency
        self.power = power
    }

    /// The target sparsity at step `t` (clamped to the schedule's range).
    public func sparsity(atStep t: Int) -> Double {
        guard endStep > beginStep else { return t >= beginStep ? finalSparsity : initialSparsity }
        let progress = min(1, max(0, Double(t - beginStep) / Double(endStep - beginStep)))
        return finalSparsity + (initialSparsity - finalSparsity) * FloatMath.power(1 - progress, power)
    }

    /// True when the masks are recomputed at step `t`.
    public func updatesMask(atStep t: Int) -> Bool {
        guard t >= beginStep, t <= endStep else { return false }
        return (t - beginStep) % frequency == 0 || t == endStep
    }
}
