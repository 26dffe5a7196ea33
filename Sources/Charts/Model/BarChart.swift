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
    /// Write each bar's value above it.
    public var annotate: Bool = false

    public init(categories: [String], series: [BarSeries], xLabel: String? = nil, yLabel: String? = nil,
                yScale: AxisScale = .linear, annotate: Bool = false) {
        self.categories = categories
        self.series = series
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.yScale = yScale
        self.annotate = annotate
    }
}
