/// Evaluation of a `LearningRateSchedule` (formulas in its declaration), in double with the
/// engine's own cosine and powers, rounded to Float once: the same bits on every platform.
extension LearningRateSchedule {
    /// The learning rate of the update that follows `step` earlier updates.
    public func rate(atStep step: Int) -> Float {
        let t = Double(step)
        switch self {
        case .exponentialDecay(let initial, let steps, let rate, let staircase):
            let p = staircase ? (t / steps).rounded(.down) : t / steps
            return Float(initial * FloatMath.power(rate, p))
        case .cosineDecay(let initial, let steps, let alpha, let target, let warmup):
            func decay(_ s: Double, from lr: Double) -> Double {
                let cosine = 0.5 * (1 + FloatMath.sinCos(Double.pi * (s / steps)).cos)
                return lr * ((1 - alpha) * cosine + alpha)
            }
            guard let target else { return Float(decay(min(t, steps), from: initial)) }
            let s = min(t, steps + warmup)
            if s < warmup { return Float((target - initial) * (s / warmup) + initial) }
            return Float(decay(s - warmup, from: target))
        case .piecewiseConstantDecay(let boundaries, let values):
            for (b, v) in zip(boundaries, values) where t <= b { return Float(v) }
            return Float(values[values.count - 1])
        }
    }
}
