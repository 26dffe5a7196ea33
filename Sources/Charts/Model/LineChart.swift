/// One line of a line chart: points (x[i], y[i]) joined in order.
public struct LineSeries: Sendable {
    /// Legend entry; empty for none.
    public var label: String
    public var x: [Double]
    public var y: [Double]
    /// Draw a filled circle at every point (matplotlib marker "o", 6 pt).
    public var marker: Bool = false
    /// Draw the line dashed (matplotlib "--": 3.7 on, 1.6 off, in line widths).
    public var dashed: Bool = false
    /// A shaded band from `lower` to `upper` under the line (matplotlib's `fill_between` with the
    /// line's colour at alpha 0.2, no edge); `nil` for none.
    public var band: SeriesRange?
    /// Vertical error bars with caps at each point (matplotlib's `errorbar` with `capsize=3`);
    /// `nil` for none.
    public var errorBars: SeriesRange?

    public init(
        label: String, x: [Double], y: [Double], marker: Bool = false, dashed: Bool = false,
        band: SeriesRange? = nil, errorBars: SeriesRange? = nil
    ) {
        self.label = label
        self.x = x
        self.y = y
        self.marker = marker
        self.dashed = dashed
        self.band = band
        self.errorBars = errorBars
    }

    /// A series over epochs 1, 2, ..., y.count (the Keras history convention, counted from 1).
    public init(
        label: String, epochs y: [Double], marker: Bool = false, dashed: Bool = false, band: SeriesRange? = nil,
        errorBars: SeriesRange? = nil
    ) {
        self.init(
            label: label, x: y.indices.map { Double($0 + 1) }, y: y, marker: marker, dashed: dashed, band: band,
            errorBars: errorBars)
    }
}

/// Lines over a numeric x axis, coloured in turn from matplotlib's tab10 cycle.
public struct LineChart: Sendable {
    public var series: [LineSeries]
    public var xLabel: String?
    public var yLabel: String?
    public var xScale: AxisScale = .linear
    public var yScale: AxisScale = .linear
    /// Fixed x view limits; `nil` for the data range plus a 5% margin.
    public var xLimits: ClosedRange<Double>?
    /// Fixed y view limits; `nil` for the data range plus a 5% margin.
    public var yLimits: ClosedRange<Double>?
    /// Only integer x ticks (epochs): steps 1, 2, 5, 10, ... instead of 2.5.
    public var integerX: Bool = false
    /// Label y ticks as percentages (0.98 -> "98%"); the data stay fractions.
    public var yPercent: Bool = false
    /// A last legend row saying what bands or error bars show ("shaded: 95 % CI over 5 seeds"),
    /// with a translucent patch as its handle (an error bar when no series has a band); `nil` or
    /// empty for none. The handle has the colour of the only series with a spread, else gray.
    public var legendNote: String?

    public init(
        series: [LineSeries], xLabel: String? = nil, yLabel: String? = nil,
        xScale: AxisScale = .linear, yScale: AxisScale = .linear,
        xLimits: ClosedRange<Double>? = nil, yLimits: ClosedRange<Double>? = nil,
        integerX: Bool = false, yPercent: Bool = false, legendNote: String? = nil
    ) {
        self.series = series
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yScale = yScale
        self.xLimits = xLimits
        self.yLimits = yLimits
        self.integerX = integerX
        self.yPercent = yPercent
        self.legendNote = legendNote
    }
}
