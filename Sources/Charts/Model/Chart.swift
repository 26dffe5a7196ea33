/// A figure to draw: a title, one kind of content, and a size in pixels at 100 dpi.
///
/// Sizes follow matplotlib's convention: `width` x `height` are pixels of a 100 dpi figure
/// (matplotlib's default figure is 6.4 x 4.8 inches = 640 x 480). Font sizes are in points
/// (1 pt = 100/72 px at 100 dpi). The PNG backend renders at `ChartRenderer.scale` times that.
public struct Chart: Sendable {
    /// Title drawn above the plot area (12 pt), wrapped when too wide; `nil` or empty for none.
    public var title: String?
    /// What to draw.
    public var kind: ChartKind
    /// Figure width in px at 100 dpi (matplotlib's default 640).
    public var width: Double = 640
    /// Figure height in px at 100 dpi (matplotlib's default 480).
    public var height: Double = 480
    /// Font family for all text. The default covers Latin and Japanese; a string whose characters
    /// the family lacks is drawn with the first fallback face that has them all (never boxes).
    public var fontFamily: String = "Noto Sans CJK JP"

    public init(title: String?, kind: ChartKind, width: Double = 640, height: Double = 480) {
        self.title = title
        self.kind = kind
        self.width = width
        self.height = height
    }
}

/// The content of a chart.
public enum ChartKind: Sendable {
    /// Lines over a numeric x axis (training histories, sweeps).
    case line(LineChart)
    /// Grouped vertical bars over categories.
    case bar(BarChart)
    /// Histograms of one or more value sets over shared bins.
    case histogram(HistogramChart)
    /// A grid of small grayscale images with captions (sample or misclassified digits).
    case imageGrid(ImageGrid)
    /// A matrix of values as coloured cells with a colour bar (confusion matrix).
    case heatmap(Heatmap)
}

/// How values map to positions along an axis.
public enum AxisScale: String, Sendable {
    /// Position proportional to the value.
    case linear
    /// Position proportional to log10 of the value; values <= 0 are dropped.
    case log
}
