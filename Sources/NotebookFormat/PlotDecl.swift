/// A `plot` directive: a line chart of history series (matplotlib look).
public struct PlotDecl: Equatable, Sendable {
    public var title: String?
    public var xlabel: String?
    public var ylabel: String?
    public var series: [SeriesDecl]
    public var xlim: [Double]?
    public var ylim: [Double]?
    /// "linear" or "log".
    public var xscale: String = "linear"
    public var yscale: String = "linear"
    /// Figure size in inches (matplotlib's figsize); nil = 6.4 x 4.8.
    public var width: Double?
    public var height: Double?
    /// The band of every replicated series that does not choose its own; nil: `BandKind.standard`.
    public var band: BandKind?

    public init(
        title: String? = nil, xlabel: String? = nil, ylabel: String? = nil, series: [SeriesDecl],
        xlim: [Double]? = nil, ylim: [Double]? = nil, xscale: String = "linear", yscale: String = "linear",
        width: Double? = nil, height: Double? = nil, band: BandKind? = nil
    ) {
        self.title = title
        self.xlabel = xlabel
        self.ylabel = ylabel
        self.series = series
        self.xlim = xlim
        self.ylim = ylim
        self.xscale = xscale
        self.yscale = yscale
        self.width = width
        self.height = height
        self.band = band
    }

    /// The band series `index` draws: its own `band:`, else the plot's, else `BandKind.standard`.
    public func band(of index: Int) -> BandKind {
        series[index].band ?? band ?? .standard
    }
}

/// One line of a plot. `x` nil means epochs 1...n.
public struct SeriesDecl: Equatable, Sendable {
    public var y: Expression
    public var x: Expression?
    /// Legend text; defaults to the y path as written.
    public var label: String
    /// This series' band when replicated; nil: the plot's.
    public var band: BandKind?
    public init(y: Expression, x: Expression? = nil, label: String, band: BandKind? = nil) {
        self.y = y
        self.x = x
        self.label = label
        self.band = band
    }
}
