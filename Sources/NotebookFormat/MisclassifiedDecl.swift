/// A `misclassified` directive: a grid of the first `count` test images a model got wrong,
/// each with its true and predicted label.
public struct MisclassifiedDecl: Equatable, Sendable {
    /// Evaluate id.
    public var model: String
    public var count: Int = 16
    public var columns: Int = 8
    public init(model: String, count: Int = 16, columns: Int = 8) {
        self.model = model
        self.count = count
        self.columns = columns
    }
}
