/// One finished step of a traced `fit`: which rows it used and the loss it measured.
///
/// The step-parity harness (docs/keras-parity.md) records these to replay the same batches in
/// Keras and to compare the per-step losses.
public struct FitStep: Sendable {
    /// The epoch, from 1.
    public let epoch: Int
    /// The step, counted from 0 over the whole `fit`.
    public let step: Int
    /// The training rows of the batch, in the order they were fed.
    public let rows: ArraySlice<Int>
    /// Sum of the per-sample losses of the batch, measured before the update (dropout on).
    public let lossSum: Double

    /// The batch's mean loss, as Keras' per-step loss.
    public var loss: Double { lossSum / Double(rows.count) }
}
