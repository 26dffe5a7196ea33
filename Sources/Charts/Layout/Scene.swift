/// How a line is stroked.
public struct Stroke: Sendable, Equatable {
    public var color: Color
    /// Width in px.
    public var width: Double
    /// On/off lengths in px; empty for solid.
    public var dash: [Double] = []
    public init(color: Color, width: Double, dash: [Double] = []) {
        self.color = color
        self.width = width
        self.dash = dash
    }
}

/// Horizontal placement of a text relative to its anchor.
public enum TextAlign: Sendable { case left, center, right }

/// One line of text: drawn with its baseline through `anchor`, optionally rotated 90 degrees
/// counter-clockwise about the anchor (reading upwards, for y axis labels).
public struct TextItem: Sendable, Equatable {
    public var text: String
    public var anchor: Point
    /// Font size in px.
    public var size: Double
    public var align: TextAlign
    public var rotated: Bool = false
    public var color: Color = .black
    /// The ink box in figure coordinates, from the measurer used for layout.
    public var bounds: Rect
}

/// A drawing instruction, in figure coordinates; a backend draws these in order.
public enum Primitive: Sendable {
    case rect(Rect, fill: Color?, stroke: Stroke?, cornerRadius: Double = 0)
    /// Points joined by straight segments, clipped to `clip` when given.
    case polyline([Point], Stroke, clip: Rect?)
    /// A closed polygon filled with `fill` (no edge), clipped to `clip` when given.
    case polygon([Point], fill: Color, clip: Rect?)
    /// Filled circles of `radius` px at `centers`, clipped to `clip` when given.
    case markers([Point], radius: Double, fill: Color, clip: Rect?)
    case text(TextItem)
    /// A gray_r image (0 white, 255 black) scaled with nearest neighbour into `frame`.
    case image(width: Int, height: Int, pixels: [UInt8], frame: Rect)
}

/// A laid-out chart: what to draw, plus the geometry tests and callers may inspect.
public struct Scene: Sendable {
    public var width: Double
    public var height: Double
    /// The font family the chart asked for; backends fall back per string when it lacks glyphs.
    public var fontFamily: String
    public var primitives: [Primitive] = []
    /// The plot area of each axes (one for line/bar/histogram, the matrix for a heatmap).
    public var plotAreas: [Rect] = []
    /// The legend frame, when there is a legend.
    public var legend: Rect?
    /// Tick values of the x and y axes (data units), when there are numeric axes.
    public var xTicks: [Double] = []
    public var yTicks: [Double] = []

    public var texts: [TextItem] {
        primitives.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
    }

    mutating func add(_ p: Primitive) { primitives.append(p) }
}
