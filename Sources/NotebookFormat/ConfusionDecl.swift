/// A `confusion` directive: the confusion-matrix heatmap of an evaluation (rows true, columns predicted).
public struct ConfusionDecl: Equatable, Sendable {
    /// Evaluate id.
    public var model: String
    public init(model: String) { self.model = model }
}
