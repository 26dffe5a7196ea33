/// matplotlib's default look (rcParams of matplotlib 3.x), in figure px at 100 dpi.
///
/// Figure 6.4 x 4.8 in at 100 dpi; axes at 0.125-0.9 of the width and 0.11-0.88 of the height;
/// font 10 pt, title 12 pt; lines 1.5 pt; spines and ticks 0.8 pt; ticks outwards 3.5 pt with a
/// 3.5 pt pad; axis label pad 4 pt; title pad 6 pt; 5% data margins; legend geometry in font
/// sizes (borderpad 0.4, labelspacing 0.5, handlelength 2, handletextpad 0.8, borderaxespad 0.5).
struct Style {
    var dpi = 100.0
    /// px per point.
    var pt: Double { dpi / 72 }

    var axesLeft = 0.125, axesRight = 0.9, axesBottom = 0.11, axesTop = 0.88
    var fontSize = 10.0, titleSize = 12.0
    var lineWidth = 1.5, spineWidth = 0.8, tickLength = 3.5, tickWidth = 0.8, tickPad = 3.5
    var labelPad = 4.0, titlePad = 6.0
    var margin = 0.05
    var markerSize = 6.0
    /// `fill_between` bands: the line's colour at this alpha. Error bars: caps `errorCapSize` pt
    /// each side of the bar (matplotlib `capsize=3`), `errorCapWidth` pt thick (markeredgewidth 1).
    var bandAlpha = 0.2, errorCapSize = 3.0, errorCapWidth = 1.0
    var legendBorderPad = 0.4, legendLabelSpacing = 0.5, legendHandleLength = 2.0
    var legendHandleHeight = 0.7, legendHandleTextPad = 0.8, legendBorderAxesPad = 0.5
    var legendFrameAlpha = 0.8, legendEdgeGray = 0.8
    var textColor = Color.black
    var mistakeColor = Color(hex: 0xd62728)
    /// Breathing room kept between text and the figure edge, px.
    var edgePad = 8.0

    var fontPx: Double { fontSize * pt }
    var titlePx: Double { titleSize * pt }
}
