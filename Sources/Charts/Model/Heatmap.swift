/// A matrix drawn as coloured cells (viridis, matplotlib's default colour map) with a colour bar:
/// a confusion matrix has true classes as rows and predicted classes as columns.
public struct Heatmap: Sendable {
    /// One label per row, top to bottom.
    public var rowLabels: [String]
    /// One label per column, left to right.
    public var columnLabels: [String]
    /// `values[row][column]`.
    public var values: [[Double]]
    public var xLabel: String?
    public var yLabel: String?
    public var colorBarLabel: String?
    /// Write each cell's value in it (integers when all values are integral), in white on dark
    /// cells and black on light ones.
    public var annotate: Bool = true

    public init(
        rowLabels: [String], columnLabels: [String], values: [[Double]], xLabel: String? = nil,
        yLabel: String? = nil, colorBarLabel: String? = nil, annotate: Bool = true
    ) {
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.colorBarLabel = colorBarLabel
        self.annotate = annotate
    }
}
