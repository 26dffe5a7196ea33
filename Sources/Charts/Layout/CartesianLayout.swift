import Foundation

/// Lays out a figure with one plot area, x and y axes, a title and a legend, matplotlib style.
///
/// The plot area starts at matplotlib's fractions of the figure (0.125-0.9 wide, 0.11-0.88
/// high) and only grows its margins when tick labels, axis labels or the title need more room
/// (a tight layout that never shrinks below matplotlib's). X tick counts drop until adjacent
/// labels keep half a font size apart; long labels and titles wrap.
struct CartesianLayout {
    var style = Style()
    var width: Double
    var height: Double
    var title: String?
    var x: AxisRequest
    var y: AxisRequest
    var legend: [LegendEntry] = []
    /// When every spot inside the plot would cover data, put the legend outside, right of the
    /// plot (bars: a legend over bars hides them; lines show through its translucent frame).
    var legendOutsideWhenCovering = false
    /// Draws the data into the plot area and reports what they cover.
    var content: (_ x: Axis, _ y: Axis, _ plot: Rect) -> ([Primitive], Obstacles)

    /// X tick labels as laid out: lines per tick, whether drawn vertically, block height.
    struct XTickLabels {
        var lines: [[String]]
        var rotated: Bool
        var height: Double
        var minX: Double
        var maxX: Double
    }

    func scene(measurer: TextMeasurer, fontFamily: String) -> Scene {
        let inside = scene(measurer: measurer, fontFamily: fontFamily, legendOutside: false)
        guard legendOutsideWhenCovering, inside.legendBadness > 0 else { return inside.scene }
        return scene(measurer: measurer, fontFamily: fontFamily, legendOutside: true).scene
    }

    private func scene(measurer: TextMeasurer, fontFamily: String, legendOutside: Bool) -> (
        scene: Scene, legendBadness: Int
    ) {
        let text = TextLayout(measurer: measurer, style: style)
        let fs = style.fontPx
        let pt = style.pt
        let edge = style.edgePad
        let tickOut = (style.tickLength + style.tickPad) * pt
        let base = Rect(
            left: width * style.axesLeft, top: height * (1 - style.axesTop),
            right: width * style.axesRight, bottom: height * (1 - style.axesBottom))
        let titleLines =
            title.map { $0.isEmpty ? [] : text.wrap($0, maxWidth: width - 2 * edge, size: style.titlePx) } ?? []
        let xLabelLines = x.label.map { $0.isEmpty ? [] : text.wrap($0, maxWidth: width - 2 * edge, size: fs) } ?? []

        let entries = legend.filter { !$0.label.isEmpty }
        let legendLines = text.legendLines(entries, maxWidth: legendOutside ? 0.3 * width : 0.75 * base.width)
        let legendSize = text.legendSize(legendLines)
        let legendPad = style.legendBorderAxesPad * fs
        var plot = base
        var xa = x.axis(bins: 1, style: style)
        var ya = y.axis(bins: 1, style: style)
        var xt = XTickLabels(lines: [], rotated: false, height: 0, minX: 0, maxX: 0)
        var yLabelLines: [String] = []
        var yTickWidth = 0.0
        for _ in 0..<5 {
            (xa, xt) = xAxis(plot: plot, text: text)
            ya = y.axis(
                bins: TickLocator.autoBins(lengthPx: plot.height, horizontal: false, style: style), style: style)
            yTickWidth = text.maxWidth(ya.labels, size: fs)
            yLabelLines = y.label.map { $0.isEmpty ? [] : text.wrap($0, maxWidth: plot.height, size: fs) } ?? []
            let leftNeed =
                tickOut + yTickWidth
                + (yLabelLines.isEmpty ? 0 : style.labelPad * pt + text.blockHeight(yLabelLines, size: fs)) + edge
            let bottomNeed =
                tickOut + xt.height
                + (xLabelLines.isEmpty ? 0 : style.labelPad * pt + text.blockHeight(xLabelLines, size: fs)) + edge
            let topNeed =
                titleLines.isEmpty
                ? edge : style.titlePad * pt + text.blockHeight(titleLines, size: style.titlePx) + edge
            var left = max(base.minX, leftNeed)
            if xt.minX < edge { left = max(left, plot.minX + edge - xt.minX) }
            var right = legendOutside ? min(base.maxX, width - edge - legendSize.width - legendPad) : base.maxX
            if xt.maxX > width - edge { right = min(right, plot.maxX - (xt.maxX - (width - edge))) }
            let next = Rect(
                left: left, top: max(base.minY, topNeed), right: right, bottom: min(base.maxY, height - bottomNeed))
            if next == plot { break }
            plot = next
        }

        var scene = Scene(width: width, height: height, fontFamily: fontFamily)
        scene.add(.rect(Rect(x: 0, y: 0, width: width, height: height), fill: .white, stroke: nil))
        let (data, obstacles) = content(xa, ya, plot)
        scene.primitives += data
        scene.add(.rect(plot, fill: nil, stroke: Stroke(color: .black, width: style.spineWidth * pt)))
        let tickStroke = Stroke(color: .black, width: style.tickWidth * pt)

        // X ticks and labels.
        let xFirstAscent = xt.lines.compactMap { $0.first.map { measurer.measure($0, size: fs).ascent } }.max() ?? 0
        for (i, v) in xa.ticks.enumerated() {
            let px = plot.minX + xa.fraction(v) * plot.width
            scene.add(
                .polyline([Point(px, plot.maxY), Point(px, plot.maxY + style.tickLength * pt)], tickStroke, clip: nil))
            let top = plot.maxY + tickOut
            if xt.rotated {
                let m = measurer.measure(xt.lines[i][0], size: fs)
                scene.add(
                    .text(
                        text.item(
                            xt.lines[i][0], at: Point(px + (m.ascent - m.descent) / 2, top), size: fs,
                            align: .right, rotated: true, color: style.textColor)))
            } else {
                for (k, line) in xt.lines[i].enumerated() {
                    scene.add(
                        .text(
                            text.item(
                                line, at: Point(px, top + xFirstAscent + Double(k) * text.lineHeight(fs)),
                                size: fs, color: style.textColor)))
                }
            }
        }
        // Y ticks and labels.
        for (i, v) in ya.ticks.enumerated() {
            let py = plot.maxY - ya.fraction(v) * plot.height
            scene.add(
                .polyline([Point(plot.minX, py), Point(plot.minX - style.tickLength * pt, py)], tickStroke, clip: nil))
            let m = measurer.measure(ya.labels[i], size: fs)
            scene.add(
                .text(
                    text.item(
                        ya.labels[i], at: Point(plot.minX - tickOut, py + (m.ascent - m.descent) / 2),
                        size: fs, align: .right, color: style.textColor)))
        }
        // Axis labels and title.
        if !xLabelLines.isEmpty {
            let top = plot.maxY + tickOut + xt.height + style.labelPad * pt
            let a = measurer.measure(xLabelLines[0], size: fs).ascent
            for (k, line) in xLabelLines.enumerated() {
                let w = measurer.measure(line, size: fs).width
                let cx = min(max(plot.midX, edge + w / 2), width - edge - w / 2)
                scene.add(
                    .text(
                        text.item(
                            line, at: Point(cx, top + a + Double(k) * text.lineHeight(fs)), size: fs,
                            color: style.textColor)))
            }
        }
        if !yLabelLines.isEmpty {
            let rightEdge = plot.minX - tickOut - yTickWidth - style.labelPad * pt
            let d = measurer.measure(yLabelLines.last!, size: fs).descent
            let n = yLabelLines.count
            for (k, line) in yLabelLines.enumerated() {
                let bx = rightEdge - d - Double(n - 1 - k) * text.lineHeight(fs)
                scene.add(
                    .text(text.item(line, at: Point(bx, plot.midY), size: fs, rotated: true, color: style.textColor)))
            }
        }
        if !titleLines.isEmpty {
            let d = measurer.measure(titleLines.last!, size: style.titlePx).descent
            let lastBaseline = plot.minY - style.titlePad * pt - d
            let n = titleLines.count
            for (k, line) in titleLines.enumerated() {
                let w = measurer.measure(line, size: style.titlePx).width
                let cx = min(max(plot.midX, edge + w / 2), width - edge - w / 2)
                let baseline = lastBaseline - Double(n - 1 - k) * text.lineHeight(style.titlePx)
                scene.add(.text(text.item(line, at: Point(cx, baseline), size: style.titlePx, color: style.textColor)))
            }
        }
        // Legend, where it covers the least data.
        var badness = 0
        if !entries.isEmpty {
            let frame: Rect
            if legendOutside {
                frame = Rect(x: plot.maxX + legendPad, y: plot.minY, width: legendSize.width, height: legendSize.height)
            } else {
                (_, frame) = LegendPlacer.best(size: legendSize, plot: plot, pad: legendPad, obstacles: obstacles)
                badness = obstacles.badness(frame)
            }
            scene.primitives += text.legendPrimitives(entries, lines: legendLines, frame: frame)
            scene.legend = frame
        }
        scene.plotAreas = [plot]
        scene.xTicks = x.categories == nil ? xa.ticks : []
        scene.yTicks = ya.ticks
        return (scene, badness)
    }

    /// The x axis with as many ticks as fit without labels touching, and its labels' layout.
    func xAxis(plot: Rect, text: TextLayout) -> (Axis, XTickLabels) {
        let fs = style.fontPx
        func position(_ a: Axis, _ v: Double) -> Double { plot.minX + a.fraction(v) * plot.width }
        if x.categories != nil {
            let a = x.axis(bins: 1, style: style)
            let spacing = plot.width / (a.hi - a.lo)
            var lines = a.labels.map { text.wrap($0, maxWidth: 0.92 * spacing, size: fs) }
            let rotated = lines.contains { $0.count > 3 || text.maxWidth($0, size: fs) > 0.95 * spacing }
            if rotated { lines = a.labels.map { [$0] } }
            let height =
                rotated
                ? text.maxWidth(a.labels, size: fs)
                : lines.map { text.blockHeight($0, size: fs) }.max() ?? 0
            var minX = plot.minX
            var maxX = plot.maxX
            if !rotated {
                for (i, v) in a.ticks.enumerated() {
                    let w = text.maxWidth(lines[i], size: fs)
                    minX = min(minX, position(a, v) - w / 2)
                    maxX = max(maxX, position(a, v) + w / 2)
                }
            }
            return (a, XTickLabels(lines: lines, rotated: rotated, height: height, minX: minX, maxX: maxX))
        }
        var bins = TickLocator.autoBins(lengthPx: plot.width, horizontal: true, style: style)
        while true {
            let a = x.axis(bins: bins, style: style)
            let widths = a.labels.map { text.measurer.measure($0, size: fs).width }
            let pos = a.ticks.map { position(a, $0) }
            let crowded = pos.indices.dropFirst().contains { i in
                pos[i] - pos[i - 1] < (widths[i] + widths[i - 1]) / 2 + 0.5 * fs
            }
            if crowded && bins > 1 {
                bins -= 1
                continue
            }
            let metrics = a.labels.map { text.measurer.measure($0, size: fs) }
            let height = (metrics.map(\.ascent).max() ?? 0) + (metrics.map(\.descent).max() ?? 0)
            let minX = zip(pos, widths).map { $0 - $1 / 2 }.min() ?? plot.minX
            let maxX = zip(pos, widths).map { $0 + $1 / 2 }.max() ?? plot.maxX
            return (
                a, XTickLabels(lines: a.labels.map { [$0] }, rotated: false, height: height, minX: minX, maxX: maxX)
            )
        }
    }
}
