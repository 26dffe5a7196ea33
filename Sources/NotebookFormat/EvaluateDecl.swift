/// An `evaluate` directive: Keras `evaluate` of a trained model on a split.
public struct EvaluateDecl: Equatable, Sendable {
    /// A train id.
    public var model: String
    /// "test" (default) or "train".
    public var on: String
    public init(model: String, on: String = "test") {
        self.model = model
        self.on = on
    }
}
