import Engine
import Foundation

/// nbrun's side of a same-start comparison (`nbrun export --keras --same-start`): one train's
/// replicate 1 trained as `nbrun` trains it, recorded as `<id>.nbrun.npz` for the exported script
/// to replay and for `scripts/keras-parity/compare.py` to compare (docs/keras-parity.md).
///
/// The archive holds `initial_<i>` (the weights before the first step, in `get_weights()` order and
/// Keras' layout: convolution kernels (kh, kw, in, out), dense kernels (in, out)), `order` (epochs ×
/// training rows: the rows of every epoch in the order they were fed, as positions among the
/// training rows), `loss` (each step's batch-mean loss before its update, float64), `after_steps`
/// (N) with `after_steps_<i>` (the weights after N steps), `after_epoch_<i>` (after epoch 1) and
/// `history_<key>` (the epoch records, float32).
struct SameStartRecording {
    let id: String
    let spec: ModelSpec
    let config: FitConfig
    let seed: UInt64
    let samples: Samples
    /// Steps after which the weights are kept (the harness compares them; default 100).
    let afterSteps: Int

    func run() throws -> NumpyArchive {
        var generator = SeededGenerator(seed: seed)
        let model = try Model(spec: spec, generator: &generator)
        let shapes = model.parameterShapes
        var archive = NumpyArchive()
        for (i, tensor) in model.parameters.enumerated() {
            archive.add("initial_\(i)", float32: tensor, shape: shapes[i])
        }
        let rows = FitConfig.trainingRows(count: samples.count, validationSplit: config.validationSplit)
        var order: [Int32] = []
        order.reserveCapacity(rows * config.epochs)
        var losses: [Double] = []
        var afterSteps: [[Float]]?
        var afterEpoch: [[Float]]?
        let history = try model.fit(samples, config: config, generator: &generator) { step in
            order += step.rows.map { Int32($0) }
            losses.append(step.loss)
            if step.step + 1 == self.afterSteps { afterSteps = model.parameters }
            if step.epoch == 1, order.count == rows { afterEpoch = model.parameters }
        }
        archive.add("order", int32: order, shape: [config.epochs, rows])
        archive.add("loss", float64: losses, shape: [losses.count])
        archive.add("after_steps", int32: [Int32(self.afterSteps)], shape: [])
        for (i, tensor) in (afterSteps ?? []).enumerated() {
            archive.add("after_steps_\(i)", float32: tensor, shape: shapes[i])
        }
        for (i, tensor) in (afterEpoch ?? []).enumerated() {
            archive.add("after_epoch_\(i)", float32: tensor, shape: shapes[i])
        }
        let series: [(String, [Float])] = [
            ("loss", history.loss), ("accuracy", history.accuracy), ("val_loss", history.valLoss),
            ("val_accuracy", history.valAccuracy),
        ]
        for (key, values) in series where !values.isEmpty {
            archive.add("history_\(key)", float32: values, shape: [values.count])
        }
        return archive
    }
}
