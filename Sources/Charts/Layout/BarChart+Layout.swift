import Foundation

extension BarChart {
    /// Grouped bars: each category gets 0.8 of its slot, split evenly between series; bars
    /// stand on 0 (on the bottom of the view for a log axis), which stays the view's edge.
    func layout(title: String?, width: Double, height: Double, measurer: TextMeasurer, fontFamily: String) throws
        -> Scene
    {
        guard !categories.isEmpty else { throw ChartError.data("bar chart has no categories") }
        guard !series.isEmpty else { throw ChartError.data("bar chart has no series") }
        for s in series where s.values.count != categories.count {
            throw ChartError.data(
                "bar series '\(s.label)' has \(s.values.count) values for \(categories.count) categories")
        }
        let values = series.flatMap(\.values).filter { $0.isFinite && (yScale == .linear || $0 > 0) }
        guard !values.isEmpty else { throw ChartError.data("bar chart has no value to draw") }
        var lo = values.min()!
        var hi = values.max()!
        if yScale == .linear {
            lo = min(lo, 0)
            hi = max(hi, 0)
        }
        if annotate { hi += 0.06 * (hi - lo) }
        let style = Style()
        let n = Double(series.count)
        let layout = CartesianLayout(
            style: style, width: width, height: height, title: title,
            x: AxisRequest(dataLo: 0, dataHi: Double(categories.count - 1), categories: categories, label: xLabel),
            y: AxisRequest(scale: yScale, dataLo: lo, dataHi: hi, limits: yLimits, stickyZero: true, label: yLabel),
            legend: series.enumerated().map {
                LegendEntry(label: $1.label, color: .cycle($0), handle: .patch(alpha: 1))
            },
            legendOutsideWhenCovering: true,
            content: { xa, ya, plot in
                var out: [Primitive] = []
                var obstacles = Obstacles()
                let barWidth = 0.8 / n
                func clampY(_ y: Double) -> Double { min(max(y, plot.minY), plot.maxY) }
                let basePx = yScale == .log ? plot.maxY : clampY(plot.maxY - ya.fraction(0) * plot.height)
                let text = TextLayout(measurer: measurer, style: style)
                for (si, s) in series.enumerated() {
                    for (ci, v) in s.values.enumerated() where ya.accepts(v) {
                        let x0 = Double(ci) - 0.4 + Double(si) * barWidth
                        let left = plot.minX + xa.fraction(x0) * plot.width
                        let right = plot.minX + xa.fraction(x0 + barWidth) * plot.width
                        let top = clampY(plot.maxY - ya.fraction(v) * plot.height)
                        let r = Rect(left: left, top: min(top, basePx), right: right, bottom: max(top, basePx))
                        out.append(.rect(r, fill: .cycle(si), stroke: nil))
                        obstacles.rects.append(r)
                        if annotate && r.height > 0 {
                            let label = BarChart.valueLabel(v)
                            let size = style.fontPx * 0.9
                            let y =
                                v >= 0 || yScale == .log
                                ? r.minY - 2 * style.pt
                                : r.maxY + 2 * style.pt + measurer.measure(label, size: size).ascent
                            out.append(
                                .text(text.item(label, at: Point(r.midX, y), size: size, color: style.textColor)))
                        }
                    }
                }
                return (out, obstacles)
            })
        return layout.scene(measurer: measurer, fontFamily: fontFamily)
    }

    /// A bar's value: an integer as is, else three significant digits.
    static func valueLabel(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e9 { return TickFormatter.number(v, decimals: 0) }
        let digits = max(0, 2 - Int(floor(log10(abs(v)))))
        return TickFormatter.number(v, decimals: min(digits, 6))
    }
}
