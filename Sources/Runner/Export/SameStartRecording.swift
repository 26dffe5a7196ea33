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
/// (N) with `after_steps_<i>` (the weights after N steps), `after_epoch_<i>` (after epoch 1),
/// `history_<key>` (the epoch records, float32) and, for a model with Dropout, `dropout_<k>` (the
/// k-th Dropout layer's masks, uint8, 1 kept and 0 dropped: (epochs × training rows, the layer's
/// per-sample shape), row r of the masks belonging to row r of the flattened `order`) with
/// `dropout_rate_<k>`, which the script feeds to the same layers so that both frameworks drop the
/// same elements. Masks beyond ``defaultMaskByteLimit`` are not recorded (with a note); the
/// script's Dropout then draws its own.
struct SameStartRecording {
    let id: String
    let spec: ModelSpec
    let config: FitConfig
    let seed: UInt64
    let samples: Samples
    /// Steps after which the weights are kept (the harness compares them; default 100).
    let afterSteps: Int
    /// The most bytes of Dropout masks recorded (``defaultMaskByteLimit``; tests lower it).
    var maskByteLimit = Self.defaultMaskByteLimit

    /// Trains and records; `log` hears when masks are too large to record.
    func run(log: (String) -> Void = { _ in }) throws -> NumpyArchive {
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
        // The masks take a byte per element per training row and epoch: kept in memory up to
        // `maskByteLimit`, beyond it not recorded (the script's Dropout then draws its own masks).
        let layers = model.dropoutMasks(batch: 0)
        let maskShapes = layers.map(\.shape)
        let maskBytes = Self.maskBytes(shapes: maskShapes, rows: rows, epochs: config.epochs)
        let keepsMasks = maskBytes.map { $0 <= maskByteLimit } ?? false
        if !maskShapes.isEmpty, !keepsMasks {
            let size = maskBytes.map(Self.describe) ?? "more bytes than an Int holds"
            log("same start: `\(id)`'s Dropout masks are not recorded (\(size), the limit is "
                + "\(Self.describe(maskByteLimit))): Keras will draw its own; record fewer epochs (--epochs) "
                + "to replay them")
        }
        var masks: [[UInt8]] = keepsMasks ? maskShapes.map { _ in [] } : []
        let history = try model.fit(samples, config: config, generator: &generator) { step in
            order += step.rows.map { Int32($0) }
            losses.append(step.loss)
            if keepsMasks {
                for (k, mask) in model.dropoutMasks(batch: step.rows.count).enumerated() { masks[k] += mask.keep }
            }
            if step.step + 1 == self.afterSteps { afterSteps = model.parameters }
            if step.epoch == 1, order.count == rows { afterEpoch = model.parameters }
        }
        // The epochs that ran: an EarlyStopping callback may end the fit before `config.epochs`.
        let epochs = order.count / rows
        archive.add("order", int32: order, shape: [epochs, rows])
        archive.add("loss", float64: losses, shape: [losses.count])
        archive.add("after_steps", int32: [Int32(self.afterSteps)], shape: [])
        for (k, keep) in masks.enumerated() {
            archive.add("dropout_\(k)", uint8: keep, shape: [epochs * rows] + maskShapes[k])
            archive.add("dropout_rate_\(k)", float64: [Double(layers[k].rate)], shape: [])
        }
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

    /// At most 256 MiB of Dropout masks per recording: while the archive is written the masks are
    /// held about three times (the flags, the archive's bytes, the zip), so under 1 GiB at peak.
    /// The blog's Dropout model takes 6.1 MiB an epoch (48,000 rows × 128 units).
    static let defaultMaskByteLimit = 256 << 20

    /// "12 MiB", or "503 bytes" below a MiB.
    static func describe(_ bytes: Int) -> String { bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes" }

    /// Bytes of the masks of `epochs` epochs over `rows` rows; nil when the count overflows.
    static func maskBytes(shapes: [[Int]], rows: Int, epochs: Int) -> Int? {
        var total = 0
        for shape in shapes {
            var bytes = rows
            for factor in shape + [epochs] {
                let (product, overflow) = bytes.multipliedReportingOverflow(by: factor)
                guard !overflow else { return nil }
                bytes = product
            }
            let (sum, overflow) = total.addingReportingOverflow(bytes)
            guard !overflow else { return nil }
            total = sum
        }
        return total
    }
}
