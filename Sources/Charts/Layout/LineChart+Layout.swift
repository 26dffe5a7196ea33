import Foundation

extension LineChart {
    /// Lines in tab10 order, 1.5 pt wide, broken at values the axes cannot show; a legend of the
    /// labelled series placed where it covers the fewest points and segments.
    ///
    /// Bands are drawn first, under every line (matplotlib draws `fill_between` at z-order 1,
    /// lines at 2); a series' error bars are drawn just before its line. The view includes the
    /// band and error-bar ends. `legendNote` adds a last legend row whose handle is a translucent patch
    /// when a series has a band, else an error bar.
    func layout(title: String?, width: Double, height: Double, measurer: TextMeasurer, fontFamily: String) throws
        -> Scene
    {
        guard !series.isEmpty else { throw ChartError.data("line chart has no series") }
        for s in series where s.x.count != s.y.count {
            throw ChartError.data("line series '\(s.label)' has \(s.x.count) x values but \(s.y.count) y values")
        }
        try validateSpreads()
        func ok(_ v: Double, _ scale: AxisScale) -> Bool { v.isFinite && (scale == .linear || v > 0) }
        let points = series.flatMap { s in zip(s.x, s.y).filter { ok($0.0, xScale) && ok($0.1, yScale) } }
        guard !points.isEmpty else {
            throw ChartError.data(
                "line chart has no point to draw"
                    + (xScale == .log || yScale == .log ? " (log axes need values > 0)" : ""))
        }
        let shown = points + spreadPoints.filter { ok($0.0, xScale) && ok($0.1, yScale) }
        let xs = shown.map(\.0)
        let ys = shown.map(\.1)
        let style = Style()
        let layout = CartesianLayout(
            style: style, width: width, height: height, title: title,
            x: AxisRequest(
                scale: xScale, dataLo: xs.min()!, dataHi: xs.max()!, limits: xLimits, integer: integerX, label: xLabel),
            y: AxisRequest(
                scale: yScale, dataLo: ys.min()!, dataHi: ys.max()!, limits: yLimits, percent: yPercent, label: yLabel),
            legend: series.enumerated().map { i, s in
                LegendEntry(label: s.label, color: .cycle(i), handle: .line(dashed: s.dashed, marker: s.marker))
            } + [  // an empty label makes no legend row
                LegendEntry(
                    label: legendNote ?? "", color: legendNoteColor,
                    handle: series.contains { $0.band != nil } ? .patch(alpha: style.bandAlpha) : .errorBar)
            ],
            content: { xa, ya, plot in
                var out: [Primitive] = []
                var obstacles = Obstacles()
                let lw = style.lineWidth * style.pt
                for (i, s) in series.enumerated() {
                    guard let band = s.band else { continue }
                    out += Self.bandPolygons(
                        x: s.x, range: band, color: .cycle(i), style: style, xa: xa, ya: ya, plot: plot,
                        obstacles: &obstacles)
                }
                for (i, s) in series.enumerated() {
                    if let bars = s.errorBars {
                        out += Self.errorBarLines(
                            x: s.x, range: bars, color: .cycle(i), style: style, xa: xa, ya: ya, plot: plot,
                            obstacles: &obstacles)
                    }
                    let stroke = Stroke(color: .cycle(i), width: lw, dash: s.dashed ? [3.7 * lw, 1.6 * lw] : [])
                    var run: [Point] = []
                    var all: [Point] = []
                    func flush() {
                        if run.count > 1 { out.append(.polyline(run, stroke, clip: plot)) }
                        for (a, b) in zip(run, run.dropFirst()) { obstacles.segments.append((a, b)) }
                        run = []
                    }
                    for (x, y) in zip(s.x, s.y) {
                        guard xa.accepts(x), ya.accepts(y) else {
                            flush()
                            continue
                        }
                        let p = Point(plot.minX + xa.fraction(x) * plot.width, plot.maxY - ya.fraction(y) * plot.height)
                        run.append(p)
                        all.append(p)
                    }
                    flush()
                    obstacles.points += all
                    if s.marker {
                        out.append(.markers(all, radius: style.markerSize * style.pt / 2, fill: .cycle(i), clip: plot))
                    } else if all.count == 1 {
                        out.append(.markers(all, radius: lw, fill: .cycle(i), clip: plot))
                    }
                }
                return (out, obstacles)
            })
        return layout.scene(measurer: measurer, fontFamily: fontFamily)
    }
}
