import Foundation

/// Bands and error bars of line series: validation, the values the axes must show, primitives.
extension LineChart {
    /// Throws when a series' band or error bars do not have one lower and one upper value per point.
    func validateSpreads() throws {
        for s in series {
            for (name, range) in [("band", s.band), ("error bars", s.errorBars)] {
                guard let range, range.lower.count != s.x.count || range.upper.count != s.x.count else { continue }
                throw ChartError.data(
                    "line series '\(s.label)' has \(s.x.count) points but its \(name) have \(range.lower.count) lower "
                        + "and \(range.upper.count) upper values")
            }
        }
    }

    /// The (x, y) pairs of band and error-bar ends, so that the view includes them.
    var spreadPoints: [(Double, Double)] {
        series.flatMap { s -> [(Double, Double)] in
            [s.band, s.errorBars].compactMap { $0 }.flatMap { r in Array(zip(s.x, r.lower)) + Array(zip(s.x, r.upper)) }
        }
    }

    /// The legend handle colour of the note: the colour of the only series with a band or error
    /// bars, else a neutral gray.
    var legendNoteColor: Color {
        let spread = series.indices.filter { series[$0].band != nil || series[$0].errorBars != nil }
        return spread.count == 1 ? .cycle(spread[0]) : .gray(0.4)
    }

    /// Filled polygons between lower and upper, one per run of points the axes can show (a point
    /// with a non-finite or unshowable value breaks the band, as it breaks the line). Each polygon
    /// runs along the upper ends left to right and back along the lower ends.
    static func bandPolygons(
        x: [Double], range: SeriesRange, color: Color, style: Style, xa: Axis, ya: Axis, plot: Rect,
        obstacles: inout Obstacles
    ) -> [Primitive] {
        var out: [Primitive] = []
        var upper: [Point] = []
        var lower: [Point] = []
        func flush() {
            if upper.count > 1 {
                out.append(.polygon(upper + lower.reversed(), fill: color.withAlpha(style.bandAlpha), clip: plot))
                for edge in [upper, lower] {
                    for (a, b) in zip(edge, edge.dropFirst()) { obstacles.segments.append((a, b)) }
                }
            }
            upper = []
            lower = []
        }
        for (i, x) in x.enumerated() {
            let lo = range.lower[i]
            let hi = range.upper[i]
            guard xa.accepts(x), ya.accepts(lo), ya.accepts(hi) else {
                flush()
                continue
            }
            let px = plot.minX + xa.fraction(x) * plot.width
            upper.append(Point(px, plot.maxY - ya.fraction(hi) * plot.height))
            lower.append(Point(px, plot.maxY - ya.fraction(lo) * plot.height))
        }
        flush()
        return out
    }

    /// One vertical bar per showable point (1.5 pt, the line's colour) with a horizontal cap at
    /// each end (2 × 3 pt long, 1 pt thick: matplotlib's `errorbar(capsize=3)`).
    static func errorBarLines(
        x: [Double], range: SeriesRange, color: Color, style: Style, xa: Axis, ya: Axis, plot: Rect,
        obstacles: inout Obstacles
    ) -> [Primitive] {
        var out: [Primitive] = []
        let bar = Stroke(color: color, width: style.lineWidth * style.pt)
        let cap = Stroke(color: color, width: style.errorCapWidth * style.pt)
        let half = style.errorCapSize * style.pt
        for (i, x) in x.enumerated() {
            let lo = range.lower[i]
            let hi = range.upper[i]
            guard xa.accepts(x), ya.accepts(lo), ya.accepts(hi) else { continue }
            let px = plot.minX + xa.fraction(x) * plot.width
            let top = Point(px, plot.maxY - ya.fraction(hi) * plot.height)
            let bottom = Point(px, plot.maxY - ya.fraction(lo) * plot.height)
            out.append(.polyline([bottom, top], bar, clip: plot))
            for end in [bottom, top] {
                out.append(.polyline([Point(px - half, end.y), Point(px + half, end.y)], cap, clip: plot))
            }
            obstacles.segments.append((bottom, top))
        }
        return out
    }
}
