/// One group member of a bar chart: a value per category.
public struct BarSeries: Sendable {
    /// Legend entry; empty for none.
    public var label: String
    /// One value per category, in the chart's category order.
    public var values: [Double]

    public init(label: String, values: [Double]) {
        self.label = label
        self.values = values
    }
}

/// Grouped vertical bars: for each category, one bar per series side by side (total width 0.8
/// of a category, as matplotlib's default bar width).
public struct BarChart: Sendable {
    public var categories: [String]
    public var series: [BarSeries]
    public var xLabel: String?
    public var yLabel: String?
    public var yScale: AxisScale = .linear
    /// Fixed y view limits (to show small differences between accuracies near 1); `nil` for 0
    /// to the largest value plus a 5% margin. Bars are cut at the plot's edges.
    public var yLimits: ClosedRange<Double>?
    /// Write each bar's value above it.
    public var annotate: Bool = false

    public init(
        categories: [String], series: [BarSeries], xLabel: String? = nil, yLabel: String? = nil,
        yScale: AxisScale = .linear, yLimits: ClosedRange<Double>? = nil, annotate: Bool = false
    ) {
        self.categories = categories
        self.series = series
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.yScale = yScale
        self.yLimits = yLimits
        self.annotate = annotate
    }
}
