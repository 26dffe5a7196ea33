import Foundation
import XCTest

@testable import Engine

/// EarlyStopping and ReduceLROnPlateau against Keras 3's rules, transcribed independently in
/// scripts/training/make_fixtures.py and driven by the same monitor sequences; then inside `fit`.
final class CallbackTests: XCTestCase {
    private static let reference: [String: Any] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/training-reference.json")
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    private static func cases(_ key: String) -> [[String: Any]] { reference[key] as! [[String: Any]] }

    /// A monitor sequence: numbers, "nan", or null (the epoch's logs lack the monitor).
    private static func values(_ c: [String: Any]) -> [Float?] {
        (c["values"] as! [Any]).map { v in
            if v is NSNull { return nil }
            if let s = v as? String, s == "nan" { return .nan }
            return Float((v as! NSNumber).doubleValue)
        }
    }

    private let spec = ModelSpec(layers: [.input(shape: [2]), .dense(units: 2, activation: .softmax, useBias: true)])

    /// A control over a tiny model whose first weight is set to the epoch number before each epoch's
    /// callbacks run, so the weights left at the end tell which epoch they came from.
    private func control(learningRate: Float = 0.001) throws -> (TrainingControl, Model, Optimizer) {
        var g = SeededGenerator(seed: 1)
        let model = try Model(spec: spec, generator: &g)
        let optimizer = Optimizer(
            spec: .adam(learningRate: learningRate, beta1: 0.9, beta2: 0.999, epsilon: 1e-7),
            parameters: model.network.parameters)
        return (TrainingControl(model: model, optimizer: optimizer), model, optimizer)
    }

    private func markEpoch(_ epoch: Int, _ control: TrainingControl) {
        var w = control.weights
        w[0][0] = Float(epoch)
        control.weights = w
    }

    func testEarlyStoppingMatchesKerasRules() throws {
        for c in Self.cases("early_stopping") {
            let name = c["name"] as! String
            let increases = c["increases"] as! Bool
            let settings = EarlyStopping.Settings(
                monitor: "m", minDelta: (c["min_delta"] as? NSNumber)?.doubleValue ?? 0,
                patience: (c["patience"] as? NSNumber)?.intValue ?? 0, mode: increases ? .max : .min,
                baseline: (c["baseline"] as? NSNumber)?.doubleValue,
                restoreBestWeights: c["restore_best_weights"] as? Bool ?? false,
                startFromEpoch: (c["start_from_epoch"] as? NSNumber)?.intValue ?? 0)
            let callbacks = CallbackList([.earlyStopping(settings)])
            let (control, _, _) = try control()
            var run = 0
            for (index, value) in Self.values(c).enumerated() {
                let epoch = index + 1
                run = epoch
                markEpoch(epoch, control)
                let logs = value.map { ["m": $0] } ?? [:]
                callbacks.callbacks[0].epochEnded(epoch, logs: logs, control: control)
                if control.stopTraining { break }
            }
            var history = History()
            callbacks.trainEnded(control: control, history: &history)
            let expected = c["expected"] as! [String: Any]
            XCTAssertEqual(run, expected.int("epochs_run"), name)
            XCTAssertEqual(history.stoppedEpoch, expected.int("stopped_epoch"), name)
            XCTAssertEqual(history.bestEpoch, expected.int("best_epoch"), name)
            XCTAssertEqual(Int(control.weights[0][0]), expected.int("final_weights_epoch"), name)
        }
    }

    func testReduceLROnPlateauMatchesKerasRules() throws {
        for c in Self.cases("reduce_lr") {
            let name = c["name"] as! String
            let increases = c["increases"] as! Bool
            let settings = ReduceLROnPlateau.Settings(
                monitor: "m", factor: (c["factor"] as? NSNumber)?.doubleValue ?? 0.1,
                patience: (c["patience"] as? NSNumber)?.intValue ?? 10, mode: increases ? .max : .min,
                minDelta: (c["min_delta"] as? NSNumber)?.doubleValue ?? 1e-4,
                cooldown: (c["cooldown"] as? NSNumber)?.intValue ?? 0,
                minLR: (c["min_lr"] as? NSNumber)?.doubleValue ?? 0)
            let (control, _, _) = try control(learningRate: c.float("lr"))
            let callback = ReduceLROnPlateau(settings)
            var rates: [Float] = []
            for (index, value) in Self.values(c).enumerated() {
                rates.append(control.learningRate)
                callback.epochEnded(index + 1, logs: value.map { ["m": $0] } ?? [:], control: control)
            }
            XCTAssertEqual(rates, c.floats("expected_rates"), name)
        }
    }

    /// Keras' `auto` modes: EarlyStopping infers from the metric (loss down, accuracy up),
    /// ReduceLROnPlateau from "acc" in the name.
    func testAutoModes() {
        XCTAssertFalse(EarlyStopping.Settings(monitor: "val_loss").increases)
        XCTAssertTrue(EarlyStopping.Settings(monitor: "val_accuracy").increases)
        XCTAssertTrue(EarlyStopping.Settings(monitor: "accuracy").increases)
        XCTAssertFalse(ReduceLROnPlateau.Settings(monitor: "loss").increases)
        XCTAssertTrue(ReduceLROnPlateau.Settings(monitor: "val_accuracy").increases)
    }

    private func data(_ count: Int, seed: UInt64) -> Samples {
        var g = SeededGenerator(seed: seed)
        var features = [Float]()
        var labels = [Int32]()
        for _ in 0..<count {
            let label = g.nextInt(below: 3)
            labels.append(Int32(label))
            // Noisy features (a third of the labels do not follow them): the validation loss rises.
            let shown = g.nextInt(below: 3) == 0 ? g.nextInt(below: 3) : label
            for j in 0..<6 { features.append(g.nextUniformFloat(in: 0, 1) + (j % 3 == shown ? 0.5 : 0)) }
        }
        return Samples(shape: [6], features: features, labels: labels)
    }

    private let small = ModelSpec(layers: [
        .input(shape: [6]),
        .dense(units: 32, activation: .relu, useBias: true),
        .dense(units: 3, activation: .softmax, useBias: true),
    ])

    /// Inside `fit`: the history stops at `stopped_epoch`, and with `restore_best_weights` the
    /// model ends with exactly the weights of a plain run of `best_epoch` epochs (same seed: the
    /// same shuffles up to that epoch), bit for bit.
    func testEarlyStoppingInFitRestoresTheBestEpochsWeights() throws {
        let d = data(120, seed: 5)
        var config = FitConfig(
            optimizer: .adam(learningRate: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-7), epochs: 60,
            batchSize: 8, validationSplit: 0.3, threads: 1)
        config.callbacks = [.earlyStopping(.init(monitor: "val_loss", patience: 2, restoreBestWeights: true))]
        var g = SeededGenerator(seed: 9)
        let model = try Model(spec: small, generator: &g)
        let history = try model.fit(d, config: config, generator: &g)
        let stopped = try XCTUnwrap(history.stoppedEpoch)
        let best = try XCTUnwrap(history.bestEpoch)
        XCTAssertGreaterThan(stopped, 0, "the noisy data must make the validation loss rise")
        XCTAssertEqual(history.epochs.count, stopped)
        XCTAssertEqual(best, history.valLoss.indices.min { history.valLoss[$0] < history.valLoss[$1] }! + 1)
        XCTAssertEqual(stopped - best, 2, "patience 2: two epochs without improvement after the best")

        var plain = config
        plain.callbacks = []
        plain.epochs = best
        var g2 = SeededGenerator(seed: 9)
        let reference = try Model(spec: small, generator: &g2)
        _ = try reference.fit(d, config: plain, generator: &g2)
        XCTAssertEqual(model.parameters, reference.parameters)
    }

    /// ReduceLROnPlateau inside `fit`: each epoch records the rate it trained with, and a lower
    /// rate changes the next epoch's training.
    func testReduceLROnPlateauInFitRecordsTheRate() throws {
        let d = data(120, seed: 6)
        var config = FitConfig(
            optimizer: .adam(learningRate: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-7), epochs: 12,
            batchSize: 8, validationSplit: 0.3, threads: 1)
        config.callbacks = [.reduceLROnPlateau(.init(factor: 0.5, patience: 1))]
        var g = SeededGenerator(seed: 3)
        let history = try Model(spec: small, generator: &g).fit(d, config: config, generator: &g)
        let rates = history.learningRate
        XCTAssertEqual(rates.count, 12)
        XCTAssertEqual(rates[0], 0.05)
        XCTAssertLessThan(rates.last!, 0.05, "the noisy validation loss must plateau")
        for (a, b) in zip(rates, rates.dropFirst()) { XCTAssertTrue(b == a || b == Float(Double(a) * 0.5)) }
        XCTAssertNil(history.stoppedEpoch)
    }
}
