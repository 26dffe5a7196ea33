import Foundation

extension Heatmap {
    /// Square cells coloured with viridis between the smallest and largest value (matplotlib's
    /// `imshow` default normalisation), row labels left, column labels below (vertical when
    /// they do not fit a cell), a colour bar as tall as the matrix on the right, and each cell's
    /// value written in black or white, whichever contrasts more with the cell.
    func layout(title: String?, width: Double, height: Double, measurer: TextMeasurer, fontFamily: String) throws
        -> Scene
    {
        let rows = values.count
        guard rows > 0, let cols = values.first?.count, cols > 0 else { throw ChartError.data("heatmap has no values") }
        guard rowLabels.count == rows else {
            throw ChartError.data("heatmap has \(rows) rows but \(rowLabels.count) row labels")
        }
        guard columnLabels.count == cols else {
            throw ChartError.data("heatmap has \(cols) columns but \(columnLabels.count) column labels")
        }
        for (i, r) in values.enumerated() where r.count != cols {
            throw ChartError.data("heatmap row \(i + 1) has \(r.count) values, expected \(cols)")
        }
        let finite = values.flatMap { $0 }.filter(\.isFinite)
        guard var vmin = finite.min(), var vmax = finite.max() else {
            throw ChartError.data("heatmap has no finite value")
        }
        if vmin == vmax {
            vmin -= 0.5
            vmax += 0.5
        }

        let style = Style()
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
        let xLabelLines = xLabel.map { $0.isEmpty ? [] : text.wrap($0, maxWidth: width - 2 * edge, size: fs) } ?? []
        let yLabelLines = yLabel.map { $0.isEmpty ? [] : [$0] } ?? []
        let cbLabel = colorBarLabel.flatMap { $0.isEmpty ? nil : $0 }

        let rowLabelW = text.maxWidth(rowLabels, size: fs)
        let colLabelW = text.maxWidth(columnLabels, size: fs)
        let colMetrics = columnLabels.map { measurer.measure($0, size: fs) }
        let cbWidth = 0.04 * width
        let cbGap = 0.03 * width

        var matrix = base
        var cell = 0.0
        var rotated = false
        var cbTicks: [Double] = []
        var cbLabels: [String] = []
        var region = base
        for _ in 0..<4 {
            cell = min(region.width / Double(cols), region.height / Double(rows))
            rotated = colLabelW > 0.95 * cell
            matrix = Rect(
                x: region.minX + (region.width - cell * Double(cols)) / 2,
                y: region.minY + (region.height - cell * Double(rows)) / 2,
                width: cell * Double(cols), height: cell * Double(rows))
            let bins = TickLocator.autoBins(lengthPx: matrix.height, horizontal: false, style: style)
            cbTicks = TickLocator.linear(vmin, vmax, maxBins: bins)
            cbLabels = TickFormatter.linear(cbTicks)
            let cbBlock =
                cbGap + cbWidth + tickOut + text.maxWidth(cbLabels, size: fs)
                + (cbLabel == nil ? 0 : style.labelPad * pt + text.blockHeight([cbLabel!], size: fs))
            let xTickH =
                rotated ? colLabelW : (colMetrics.map(\.ascent).max() ?? 0) + (colMetrics.map(\.descent).max() ?? 0)
            let leftNeed =
                tickOut + rowLabelW
                + (yLabelLines.isEmpty ? 0 : style.labelPad * pt + text.blockHeight(yLabelLines, size: fs)) + edge
            let bottomNeed =
                tickOut + xTickH
                + (xLabelLines.isEmpty ? 0 : style.labelPad * pt + text.blockHeight(xLabelLines, size: fs)) + edge
            let topNeed =
                titleLines.isEmpty
                ? edge : style.titlePad * pt + text.blockHeight(titleLines, size: style.titlePx) + edge
            let next = Rect(
                left: max(base.minX, leftNeed), top: max(base.minY, topNeed),
                right: min(base.maxX, width - edge - cbBlock), bottom: min(base.maxY, height - bottomNeed))
            if next == region { break }
            region = next
        }

        var scene = Scene(width: width, height: height, fontFamily: fontFamily)
        scene.add(.rect(Rect(x: 0, y: 0, width: width, height: height), fill: .white, stroke: nil))
        func color(_ v: Double) -> Color { v.isFinite ? .viridis((v - vmin) / (vmax - vmin)) : .white }
        let integral = finite.allSatisfy { $0 == $0.rounded() && abs($0) < 1e12 }
        var annotationSize = fs
        let labels = values.map {
            $0.map { v in
                v.isFinite
                    ? (integral ? TickFormatter.number(v, decimals: 0) : TickFormatter.number(v, decimals: 2)) : ""
            }
        }
        if annotate {
            let widest = text.maxWidth(labels.flatMap { $0 }, size: fs)
            if widest > 0.9 * cell { annotationSize = fs * 0.9 * cell / widest }
            annotationSize = min(annotationSize, 0.45 * cell)
        }
        for r in 0..<rows {
            for c in 0..<cols {
                let v = values[r][c]
                // Each cell overlaps its right and lower neighbours by half a pixel, drawn over later: no seams.
                let extendX = c < cols - 1 ? 0.5 : 0
                let extendY = r < rows - 1 ? 0.5 : 0
                let rect = Rect(
                    x: matrix.minX + Double(c) * cell, y: matrix.minY + Double(r) * cell,
                    width: cell + extendX, height: cell + extendY)
                scene.add(.rect(rect, fill: color(v), stroke: nil))
            }
        }
        if annotate {
            for r in 0..<rows {
                for c in 0..<cols where !labels[r][c].isEmpty {
                    let m = measurer.measure(labels[r][c], size: annotationSize)
                    let center = Point(matrix.minX + (Double(c) + 0.5) * cell, matrix.minY + (Double(r) + 0.5) * cell)
                    let ink: Color = color(values[r][c]).luminance < 0.45 ? .white : .black
                    scene.add(
                        .text(
                            text.item(
                                labels[r][c], at: Point(center.x, center.y + (m.ascent - m.descent) / 2),
                                size: annotationSize, color: ink)))
                }
            }
        }
        let spine = Stroke(color: .black, width: style.spineWidth * pt)
        let tick = Stroke(color: .black, width: style.tickWidth * pt)
        scene.add(.rect(matrix, fill: nil, stroke: spine))
        let ascent = colMetrics.map(\.ascent).max() ?? 0
        for (c, label) in columnLabels.enumerated() {
            let x = matrix.minX + (Double(c) + 0.5) * cell
            scene.add(
                .polyline([Point(x, matrix.maxY), Point(x, matrix.maxY + style.tickLength * pt)], tick, clip: nil))
            if rotated {
                let m = colMetrics[c]
                scene.add(
                    .text(
                        text.item(
                            label, at: Point(x + (m.ascent - m.descent) / 2, matrix.maxY + tickOut), size: fs,
                            align: .right, rotated: true, color: style.textColor)))
            } else {
                scene.add(
                    .text(
                        text.item(label, at: Point(x, matrix.maxY + tickOut + ascent), size: fs, color: style.textColor)
                    ))
            }
        }
        for (r, label) in rowLabels.enumerated() {
            let y = matrix.minY + (Double(r) + 0.5) * cell
            scene.add(
                .polyline([Point(matrix.minX, y), Point(matrix.minX - style.tickLength * pt, y)], tick, clip: nil))
            let m = measurer.measure(label, size: fs)
            scene.add(
                .text(
                    text.item(
                        label, at: Point(matrix.minX - tickOut, y + (m.ascent - m.descent) / 2), size: fs,
                        align: .right, color: style.textColor)))
        }
        let xTickH = rotated ? colLabelW : ascent + (colMetrics.map(\.descent).max() ?? 0)
        var baseline =
            matrix.maxY + tickOut + xTickH + style.labelPad * pt
            + (xLabelLines.first.map { measurer.measure($0, size: fs).ascent } ?? 0)
        for line in xLabelLines {
            scene.add(.text(text.item(line, at: Point(matrix.midX, baseline), size: fs, color: style.textColor)))
            baseline += text.lineHeight(fs)
        }
        if let yl = yLabelLines.first {
            let x = matrix.minX - tickOut - rowLabelW - style.labelPad * pt - measurer.measure(yl, size: fs).descent
            scene.add(.text(text.item(yl, at: Point(x, matrix.midY), size: fs, rotated: true, color: style.textColor)))
        }
        if !titleLines.isEmpty {
            var b =
                matrix.minY - style.titlePad * pt - measurer.measure(titleLines.last!, size: style.titlePx).descent
                - Double(titleLines.count - 1) * text.lineHeight(style.titlePx)
            for line in titleLines {
                let w = measurer.measure(line, size: style.titlePx).width
                let cx = min(max(matrix.midX, edge + w / 2), width - edge - w / 2)
                scene.add(.text(text.item(line, at: Point(cx, b), size: style.titlePx, color: style.textColor)))
                b += text.lineHeight(style.titlePx)
            }
        }
        // Colour bar: 128 strips from vmin at the bottom to vmax at the top.
        let bar = Rect(x: matrix.maxX + cbGap, y: matrix.minY, width: cbWidth, height: matrix.height)
        let strips = 128
        for i in 0..<strips {
            let h = bar.height / Double(strips)
            let y = bar.maxY - Double(i + 1) * h
            scene.add(
                .rect(
                    Rect(x: bar.minX, y: y, width: bar.width, height: h + (i < strips - 1 ? 0.5 : 0)),
                    fill: .viridis((Double(i) + 0.5) / Double(strips)), stroke: nil))
        }
        scene.add(.rect(bar, fill: nil, stroke: spine))
        for (i, v) in cbTicks.enumerated() {
            let y = bar.maxY - (v - vmin) / (vmax - vmin) * bar.height
            scene.add(.polyline([Point(bar.maxX, y), Point(bar.maxX + style.tickLength * pt, y)], tick, clip: nil))
            let m = measurer.measure(cbLabels[i], size: fs)
            scene.add(
                .text(
                    text.item(
                        cbLabels[i], at: Point(bar.maxX + tickOut, y + (m.ascent - m.descent) / 2), size: fs,
                        align: .left, color: style.textColor)))
        }
        if let cbLabel {
            let x =
                bar.maxX + tickOut + text.maxWidth(cbLabels, size: fs) + style.labelPad * pt
                + measurer.measure(cbLabel, size: fs).ascent
            scene.add(
                .text(text.item(cbLabel, at: Point(x, bar.midY), size: fs, rotated: true, color: style.textColor)))
        }
        scene.plotAreas = [matrix, bar]
        scene.yTicks = cbTicks
        return scene
    }
}
