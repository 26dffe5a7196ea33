/// A `samples` directive: a grid of the first `count` images of a data set split, with labels.
public struct SamplesDecl: Equatable, Sendable {
    /// Dataset id.
    public var data: String
    /// "test" (default) or "train".
    public var split: String = "test"
    public var count: Int = 16
    public var columns: Int = 8
    public init(data: String, split: String = "test", count: Int = 16, columns: Int = 8) {
        self.data = data
        self.split = split
        self.count = count
        self.columns = columns
    }
}
