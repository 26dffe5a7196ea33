/// One legend row: a handle (a line sample or a colour patch) and its label.
struct LegendEntry {
    enum Handle {
        case line(dashed: Bool, marker: Bool)
        case patch(alpha: Double)
        /// A vertical error bar with caps, as `errorbar` draws one.
        case errorBar
    }
    var label: String
    var color: Color
    var handle: Handle
}

/// What the data occupy in the plot area, for choosing where the legend hides least.
struct Obstacles {
    var points: [Point] = []
    var segments: [(Point, Point)] = []
    var rects: [Rect] = []

    /// matplotlib's legend badness: data vertices inside `box`, plus line segments crossing it,
    /// plus patches (bars) overlapping it.
    func badness(_ box: Rect) -> Int {
        points.filter(box.contains).count
            + segments.filter { box.intersectsSegment($0.0, $0.1) }.count
            + rects.filter(box.intersects).count
    }
}

/// matplotlib's `loc="best"`: candidate spots in matplotlib's order (upper right, upper left,
/// lower left, lower right, center left, center right, lower center, upper center, center),
/// the first that covers no data, else the one covering least (`Legend._find_best_position`).
enum LegendPlacer {
    enum Spot: String, CaseIterable {
        case upperRight, upperLeft, lowerLeft, lowerRight, centerLeft, centerRight, lowerCenter, upperCenter, center
    }

    /// The legend's frame for `spot`, `pad` px inside `plot`.
    static func frame(_ spot: Spot, size: (width: Double, height: Double), plot: Rect, pad: Double) -> Rect {
        let left = plot.minX + pad
        let right = plot.maxX - pad - size.width
        let midX = plot.midX - size.width / 2
        let top = plot.minY + pad
        let bottom = plot.maxY - pad - size.height
        let midY = plot.midY - size.height / 2
        let (x, y): (Double, Double)
        switch spot {
        case .upperRight: (x, y) = (right, top)
        case .upperLeft: (x, y) = (left, top)
        case .lowerLeft: (x, y) = (left, bottom)
        case .lowerRight: (x, y) = (right, bottom)
        case .centerLeft: (x, y) = (left, midY)
        case .centerRight: (x, y) = (right, midY)
        case .lowerCenter: (x, y) = (midX, bottom)
        case .upperCenter: (x, y) = (midX, top)
        case .center: (x, y) = (midX, midY)
        }
        return Rect(x: x, y: y, width: size.width, height: size.height)
    }

    /// The best spot and its frame.
    static func best(
        size: (width: Double, height: Double), plot: Rect, pad: Double,
        obstacles: Obstacles
    ) -> (Spot, Rect) {
        var best: (Spot, Rect, Int)?
        for spot in Spot.allCases {
            let box = frame(spot, size: size, plot: plot, pad: pad)
            let bad = obstacles.badness(box)
            if bad == 0 { return (spot, box) }
            if best == nil || bad < best!.2 { best = (spot, box, bad) }
        }
        return (best!.0, best!.1)
    }
}

extension TextLayout {
    /// Fixed horizontal parts of a legend row: border pads, handle and the gap to the label.
    private var legendChrome: Double {
        (2 * style.legendBorderPad + style.legendHandleLength + style.legendHandleTextPad) * style.fontPx
    }

    /// Each label's lines, wrapped so the legend is at most `maxWidth` wide.
    func legendLines(_ entries: [LegendEntry], maxWidth: Double) -> [[String]] {
        let textWidth = max(maxWidth - legendChrome, 4 * style.fontPx)
        return entries.map { wrap($0.label, maxWidth: textWidth, size: style.fontPx) }
    }

    /// The legend frame's size for labels laid out in `lines`.
    func legendSize(_ lines: [[String]]) -> (width: Double, height: Double) {
        let fs = style.fontPx
        let textWidth = lines.map { maxWidth($0, size: fs) }.max() ?? 0
        let rows = lines.map(legendRowHeight).reduce(0, +)
        let height =
            2 * style.legendBorderPad * fs + rows + Double(max(lines.count - 1, 0)) * style.legendLabelSpacing * fs
        return (legendChrome + textWidth, height)
    }

    /// Height of one legend row: matplotlib's text height of about 1.3 font sizes, plus a line
    /// advance per extra line of a wrapped label.
    func legendRowHeight(_ lines: [String]) -> Double {
        1.3 * style.fontPx + Double(max(lines.count - 1, 0)) * lineHeight(style.fontPx)
    }

    /// Frame, handles and labels of a legend in `frame`.
    func legendPrimitives(_ entries: [LegendEntry], lines: [[String]], frame: Rect) -> [Primitive] {
        let fs = style.fontPx
        var out: [Primitive] = [
            .rect(
                frame, fill: Color.white.withAlpha(style.legendFrameAlpha),
                stroke: Stroke(color: .gray(style.legendEdgeGray), width: style.spineWidth * style.pt),
                cornerRadius: 0.2 * fs)
        ]
        var top = frame.minY + style.legendBorderPad * fs
        let handleLeft = frame.minX + style.legendBorderPad * fs
        let handleRight = handleLeft + style.legendHandleLength * fs
        for (e, labelLines) in zip(entries, lines) {
            let mid = top + 0.65 * fs
            switch e.handle {
            case .line(let dashed, let marker):
                let lw = style.lineWidth * style.pt
                out.append(
                    .polyline(
                        [Point(handleLeft, mid), Point(handleRight, mid)],
                        Stroke(color: e.color, width: lw, dash: dashed ? [3.7 * lw, 1.6 * lw] : []), clip: nil))
                if marker {
                    out.append(
                        .markers(
                            [Point((handleLeft + handleRight) / 2, mid)], radius: style.markerSize * style.pt / 2,
                            fill: e.color, clip: nil))
                }
            case .errorBar:
                let x = (handleLeft + handleRight) / 2
                let h = style.legendHandleHeight * fs
                let half = style.errorCapSize * style.pt
                let cap = Stroke(color: e.color, width: style.errorCapWidth * style.pt)
                out.append(
                    .polyline(
                        [Point(x, mid + h / 2), Point(x, mid - h / 2)],
                        Stroke(color: e.color, width: style.lineWidth * style.pt), clip: nil))
                for y in [mid + h / 2, mid - h / 2] {
                    out.append(.polyline([Point(x - half, y), Point(x + half, y)], cap, clip: nil))
                }
            case .patch(let alpha):
                let h = style.legendHandleHeight * fs
                out.append(
                    .rect(
                        Rect(x: handleLeft, y: mid - h / 2, width: handleRight - handleLeft, height: h),
                        fill: e.color.withAlpha(alpha), stroke: nil))
            }
            let m = measurer.measure(labelLines[0], size: fs)
            var baseline = mid + (m.ascent - m.descent) / 2
            for line in labelLines {
                out.append(
                    .text(
                        item(
                            line, at: Point(handleRight + style.legendHandleTextPad * fs, baseline), size: fs,
                            align: .left, color: style.textColor)))
                baseline += lineHeight(fs)
            }
            top += legendRowHeight(labelLines) + style.legendLabelSpacing * fs
        }
        return out
    }
}
