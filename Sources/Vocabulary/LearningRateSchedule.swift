/// A Keras 3 learning-rate schedule written as an optimizer's `learning_rate`
/// (`keras.optimizers.schedules`), evaluated at every optimizer step.
///
/// With `step` the number of updates done before the current one (Keras' `optimizer.iterations`):
/// - `ExponentialDecay`: lr = initial · rate^(step / decay_steps), the exponent floored with `staircase`;
/// - `CosineDecay`: without warm-up, s = min(step, decay_steps) and
///   lr = initial · ((1 − alpha) · ½(1 + cos(π s / decay_steps)) + alpha); with `warmup_target` and
///   `warmup_steps`, s = min(step, decay_steps + warmup_steps): below warmup_steps the rate rises
///   linearly, (target − initial) · s / warmup_steps + initial, then decays from the target as above
///   with s − warmup_steps;
/// - `PiecewiseConstantDecay`: values[0] while step <= boundaries[0], values[i] while
///   boundaries[i−1] < step <= boundaries[i], the last value after the last boundary.
public enum LearningRateSchedule: Equatable, Sendable {
    case exponentialDecay(initial: Double, decaySteps: Double, decayRate: Double, staircase: Bool)
    case cosineDecay(initial: Double, decaySteps: Double, alpha: Double, warmupTarget: Double?, warmupSteps: Double)
    case piecewiseConstantDecay(boundaries: [Double], values: [Double])

    /// The canonical constructor (part of the training's cache key), every argument spelled out.
    public var kerasDescription: String {
        func b(_ v: Bool) -> String { v ? "True" : "False" }
        switch self {
        case .exponentialDecay(let i, let s, let r, let st):
            return "ExponentialDecay(initial_learning_rate=\(i), decay_steps=\(s), decay_rate=\(r), staircase=\(b(st)))"
        case .cosineDecay(let i, let s, let a, let t, let w):
            return "CosineDecay(initial_learning_rate=\(i), decay_steps=\(s), alpha=\(a), "
                + "warmup_target=\(t.map { "\($0)" } ?? "None"), warmup_steps=\(w))"
        case .piecewiseConstantDecay(let bs, let vs):
            return "PiecewiseConstantDecay(boundaries=[\(bs.map { "\($0)" }.joined(separator: ", "))], "
                + "values=[\(vs.map { "\($0)" }.joined(separator: ", "))])"
        }
    }

    /// The rate at the first step (what a summary shows as the optimizer's learning rate).
    public var initialRate: Double {
        switch self {
        case .exponentialDecay(let i, _, _, _): return i
        case .cosineDecay(let i, _, _, _, _): return i
        case .piecewiseConstantDecay(_, let vs): return vs[0]
        }
    }
}
