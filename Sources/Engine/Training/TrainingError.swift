/// Data or settings that `fit`/`evaluate` cannot use, with a user-facing message.
public struct TrainingError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension TrainingError {
    /// Keras' `TerminateOnNaN`: the loss of a batch (or the validation loss, `batch` nil) is NaN or
    /// infinite, so training stops there, naming where, instead of writing NaN weights and history.
    static func nonFiniteLoss(_ value: Double, epoch: Int, batch: Int?, of steps: Int) -> TrainingError {
        let text = value.isNaN ? "NaN" : value > 0 ? "infinite" : "-infinite"
        let place = batch.map { "epoch \(epoch), batch \($0) of \(steps)" } ?? "the end of epoch \(epoch)"
        let which = batch == nil ? "validation loss" : "loss"
        return TrainingError(
            "the \(which) became \(text) at \(place); training stopped (as Keras' TerminateOnNaN does). "
                + "Lower the learning rate, or scale the inputs (e.g. `scale: 255`)")
    }
}
