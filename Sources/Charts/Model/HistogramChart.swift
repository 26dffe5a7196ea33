/// One value set of a histogram.
public struct HistogramSeries: Sendable {
    /// Legend entry; empty for none.
    public var label: String
    public var values: [Double]

    public init(label: String, values: [Double]) {
        self.label = label
        self.values = values
    }
}

/// Histograms over `bins` equal-width bins spanning all series' values together, so series
/// (weights before and after pruning) are comparable. Several series are drawn translucent.
public struct HistogramChart: Sendable {
    public var series: [HistogramSeries]
    public var bins: Int = 50
    public var xLabel: String?
    public var yLabel: String?
    /// `.log` for counts spanning decades (a spike of zeros after pruning); empty bins vanish.
    public var yScale: AxisScale = .linear

    public init(
        series: [HistogramSeries], bins: Int = 50, xLabel: String? = nil, yLabel: String? = nil,
        yScale: AxisScale = .linear
    ) {
        self.series = series
        self.bins = bins
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.yScale = yScale
    }
}
