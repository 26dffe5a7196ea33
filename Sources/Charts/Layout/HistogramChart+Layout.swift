import Foundation

extension HistogramChart {
    /// Bin edges shared by all series: `bins` equal intervals from the smallest to the largest
    /// finite value (numpy.histogram's rule; the last bin includes its right edge).
    func edges() throws -> [Double] {
        guard bins >= 1 else { throw ChartError.data("histogram needs at least 1 bin, got \(bins)") }
        let all = series.flatMap(\.values).filter(\.isFinite)
        guard var lo = all.min(), var hi = all.max() else { throw ChartError.data("histogram has no finite value") }
        if lo == hi {
            lo -= 0.5
            hi += 0.5
        }
        return (0...bins).map { lo + (hi - lo) * Double($0) / Double(bins) }
    }

    /// Counts of `values` in each bin of `edges`.
    static func counts(_ values: [Double], edges: [Double]) -> [Int] {
        let n = edges.count - 1
        let lo = edges[0]
        let hi = edges[n]
        var c = [Int](repeating: 0, count: n)
        for v in values where v.isFinite && v >= lo && v <= hi {
            c[min(Int((v - lo) / (hi - lo) * Double(n)), n - 1)] += 1
        }
        return c
    }

    /// Filled bars per bin; with several series translucent (alpha 0.5) under a solid step
    /// outline, so overlaps stay readable.
    func layout(title: String?, width: Double, height: Double, measurer: TextMeasurer, fontFamily: String) throws
        -> Scene
    {
        guard !series.isEmpty else { throw ChartError.data("histogram has no series") }
        let e = try edges()
        let counts = series.map { HistogramChart.counts($0.values, edges: e) }
        let all = counts.flatMap { $0 }
        let positive = all.filter { $0 > 0 }
        guard let maxCount = positive.max() else { throw ChartError.data("histogram has no value in range") }
        let yLo = yScale == .log ? Double(positive.min()!) : 0
        let style = Style()
        let several = series.count > 1
        let layout = CartesianLayout(
            style: style, width: width, height: height, title: title,
            x: AxisRequest(dataLo: e.first!, dataHi: e.last!, label: xLabel),
            y: AxisRequest(scale: yScale, dataLo: yLo, dataHi: Double(maxCount), stickyZero: true, label: yLabel),
            legend: series.enumerated().map {
                LegendEntry(label: $1.label, color: .cycle($0), handle: .patch(alpha: several ? 0.5 : 1))
            },
            content: { xa, ya, plot in
                var out: [Primitive] = []
                var obstacles = Obstacles()
                func px(_ x: Double) -> Double { plot.minX + xa.fraction(x) * plot.width }
                func py(_ c: Int) -> Double {
                    c > 0 || yScale == .linear ? plot.maxY - ya.fraction(Double(c)) * plot.height : plot.maxY
                }
                let base = py(0)
                for (si, c) in counts.enumerated() {
                    let color = Color.cycle(si)
                    var outline: [Point] = [Point(px(e[0]), base)]
                    for (b, count) in c.enumerated() {
                        let top = py(count)
                        outline += [Point(px(e[b]), top), Point(px(e[b + 1]), top)]
                        guard count > 0 else { continue }
                        let r = Rect(left: px(e[b]), top: top, right: px(e[b + 1]), bottom: base)
                        out.append(.rect(r, fill: color.withAlpha(several ? 0.5 : 1), stroke: nil))
                        obstacles.rects.append(r)
                    }
                    outline.append(Point(px(e[e.count - 1]), base))
                    if several {
                        out.append(.polyline(outline, Stroke(color: color, width: 1.0 * style.pt), clip: plot))
                    }
                }
                // Clip bars standing below a log view.
                out = out.map { p in
                    if case .rect(let r, let fill, let stroke, let radius) = p {
                        let clipped = Rect(
                            left: max(r.minX, plot.minX), top: max(r.minY, plot.minY),
                            right: min(r.maxX, plot.maxX), bottom: min(r.maxY, plot.maxY))
                        return .rect(clipped, fill: fill, stroke: stroke, cornerRadius: radius)
                    }
                    return p
                }
                return (out, obstacles)
            })
        return layout.scene(measurer: measurer, fontFamily: fontFamily)
    }
}
