import XCTest

@testable import Engine

/// Learning-rate schedules and AdamW against NumPy (scripts/engine/make_keras_fixtures.py), with
/// Keras 3's rule that step t uses schedule(t), t counting the updates before it.
final class ScheduleTests: XCTestCase {
    private func schedule(_ s: [String: Any]) -> LearningRateSchedule {
        switch s.string("name") {
        case "ExponentialDecay":
            return .exponentialDecay(
                initial: Double(s.float("initial")), decaySteps: Double(s.float("steps")),
                decayRate: Double(s.float("rate")), staircase: s["staircase"] as! Bool)
        case "CosineDecay":
            return .cosineDecay(
                initial: Double(s.float("initial")), decaySteps: Double(s.float("steps")),
                alpha: Double(s.float("alpha")),
                warmupTarget: s["warmupTarget"].map { _ in Double(s.float("warmupTarget")) },
                warmupSteps: s["warmupSteps"] == nil ? 0 : Double(s.float("warmupSteps")))
        default:
            return .piecewiseConstantDecay(
                boundaries: s.floats("boundaries").map(Double.init), values: s.floats("values").map(Double.init))
        }
    }

    func testSchedulesMatchNumPy() {
        for name in ["exponential", "exponential_staircase", "cosine", "cosine_warmup", "piecewise"] {
            let c = KerasFixture.named("schedule_" + name)
            let s = schedule(c["spec"] as! [String: Any])
            let rates = (0..<14).map { s.rate(atStep: $0) }
            assertClose(rates, c.floats("rates"), absolute: 1e-9, relative: 1e-6, name)
        }
    }

    private func trajectory(_ c: [String: Any], _ optimizer: Optimizer, _ p: Parameter, _ name: String) {
        let grads = (c["grads"] as! [[Any]]).map { $0.map { Float(($0 as! NSNumber).doubleValue) } }
        let expected = (c["trajectory"] as! [[Any]]).map { $0.map { Float(($0 as! NSNumber).doubleValue) } }
        for (t, g) in grads.enumerated() {
            p.gradient.copy(from: g)
            optimizer.step(threads: 2)
            assertClose(p.value.array(count: 11), expected[t], absolute: 2e-6, relative: 2e-6, "\(name) step \(t + 1)")
        }
    }

    func testAdamWMatchesNumPy() {
        for name in ["adamw_keras", "adamw_strong"] {
            let c = KerasFixture.named(name)
            let p = Parameter(name: "w", shape: [11])
            p.value.copy(from: c.floats("w0"))
            let spec = OptimizerSpec.adamW(
                learningRate: c.float("learningRate"), weightDecay: c.float("weightDecay"), beta1: c.float("beta1"),
                beta2: c.float("beta2"), epsilon: c.float("epsilon"))
            trajectory(c, Optimizer(spec: spec, parameters: [p]), p, name)
        }
        XCTAssertEqual(
            OptimizerSpec.kerasAdamW,
            .adamW(learningRate: 0.001, weightDecay: 0.004, beta1: 0.9, beta2: 0.999, epsilon: 1e-7))
    }

    func testScheduledSGDMatchesNumPy() {
        for name in ["sgd_nesterov_exponential", "sgd_momentum_piecewise"] {
            let c = KerasFixture.named(name)
            let p = Parameter(name: "w", shape: [11])
            p.value.copy(from: c.floats("w0"))
            let spec = OptimizerSpec.sgd(
                learningRate: 0.01, momentum: c.float("momentum"), nesterov: c["nesterov"] as! Bool)
            trajectory(
                c, Optimizer(spec: spec, parameters: [p], schedule: schedule(c["spec"] as! [String: Any])), p, name)
        }
    }

    /// The history records the rate after each epoch: schedule(steps so far).
    func testHistoryRecordsTheRate() throws {
        let spec = ModelSpec(layers: [.input(shape: [3]), .dense(units: 2, activation: .softmax, useBias: true)])
        var g = SeededGenerator(seed: 2)
        let model = try Model(spec: spec, generator: &g)
        let data = Samples(
            shape: [3], features: (0..<30).map { Float($0) / 30 }, labels: (0..<10).map { Int32($0 % 2) })
        var config = FitConfig(optimizer: .kerasSGD, epochs: 3, batchSize: 4, threads: 1)
        let schedule = LearningRateSchedule.exponentialDecay(
            initial: 0.1, decaySteps: 3, decayRate: 0.5, staircase: true)
        config.learningRateSchedule = schedule
        let history = try model.fit(data, config: config, generator: &g)
        // 3 steps an epoch: after epoch e the optimizer has done 3e updates.
        XCTAssertEqual(history.learningRate, [3, 6, 9].map { schedule.rate(atStep: $0) })
        XCTAssertEqual(history.learningRate, [0.05, 0.025, 0.0125])
        config.learningRateSchedule = nil
        // Without a schedule every epoch records the constant rate (SGD's default 0.01).
        XCTAssertEqual(try model.fit(data, config: config, generator: &g).learningRate, [0.01, 0.01, 0.01])
    }
}
