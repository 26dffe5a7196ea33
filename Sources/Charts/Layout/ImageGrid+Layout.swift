import Foundation

extension ImageGrid {
    /// Images in rows of `columns` cells filling the figure under the title; each image keeps
    /// its aspect, scaled as large as its cell allows above its caption. Captions shrink (down
    /// to 60% of 10 pt) until every one fits its cell; mistakes get a red caption and frame.
    func layout(title: String?, width: Double, height: Double, measurer: TextMeasurer, fontFamily: String) throws
        -> Scene
    {
        guard columns >= 1 else { throw ChartError.data("image grid needs at least 1 column, got \(columns)") }
        if images.isEmpty, let emptyText {
            return emptyScene(emptyText, width: width, height: height, measurer: measurer, fontFamily: fontFamily)
        }
        guard !images.isEmpty else { throw ChartError.data("image grid has no images") }
        for (i, im) in images.enumerated()
        where im.width < 1 || im.height < 1 || im.pixels.count != im.width * im.height {
            throw ChartError.data(
                "image \(i + 1) ('\(im.caption)') has \(im.pixels.count) pixels for \(im.width)x\(im.height)")
        }
        let style = Style()
        let text = TextLayout(measurer: measurer, style: style)
        let pt = style.pt
        let edge = style.edgePad
        var scene = Scene(width: width, height: height, fontFamily: fontFamily)
        scene.add(.rect(Rect(x: 0, y: 0, width: width, height: height), fill: .white, stroke: nil))

        var top = 2 * edge
        if let title, !title.isEmpty {
            let lines = text.wrap(title, maxWidth: width - 2 * edge, size: style.titlePx)
            var baseline = top + measurer.measure(lines[0], size: style.titlePx).ascent
            for line in lines {
                scene.add(
                    .text(text.item(line, at: Point(width / 2, baseline), size: style.titlePx, color: style.textColor)))
                baseline += text.lineHeight(style.titlePx)
            }
            top =
                baseline - text.lineHeight(style.titlePx) + measurer.measure(lines.last!, size: style.titlePx).descent
                + style.titlePad * pt
        }
        let area = Rect(left: 2 * edge, top: top, right: width - 2 * edge, bottom: height - 2 * edge)
        let cols = min(columns, images.count)
        let rows = (images.count + columns - 1) / columns
        let cellW = area.width / Double(cols)
        let cellH = area.height / Double(rows)

        var size = style.fontPx
        let captions = images.map(\.caption)
        while size > 0.6 * style.fontPx && text.maxWidth(captions, size: size) > 0.96 * cellW { size -= 0.25 * pt }
        let metrics = captions.map { measurer.measure($0, size: size) }
        let ascent = metrics.map(\.ascent).max() ?? 0
        let descent = metrics.map(\.descent).max() ?? 0
        let gap = 3 * pt
        let captionH = captions.allSatisfy(\.isEmpty) ? 0 : gap + ascent + descent

        for (i, im) in images.enumerated() {
            let cell = Rect(
                x: area.minX + Double(i % columns) * cellW, y: area.minY + Double(i / columns) * cellH,
                width: cellW, height: cellH)
            let aspect = Double(im.width) / Double(im.height)
            let h = max(1, min(cell.height - captionH - 2 * gap, 0.92 * cell.width / aspect))
            let w = h * aspect
            let y0 = cell.minY + (cell.height - h - captionH) / 2
            let frame = Rect(x: cell.midX - w / 2, y: y0, width: w, height: h)
            scene.add(.image(width: im.width, height: im.height, pixels: im.pixels, frame: frame))
            let stroke =
                im.highlighted
                ? Stroke(color: style.mistakeColor, width: 1.5 * pt)
                : Stroke(color: .gray(style.legendEdgeGray), width: style.spineWidth * pt)
            scene.add(.rect(frame, fill: nil, stroke: stroke))
            if !im.caption.isEmpty {
                scene.add(
                    .text(
                        text.item(
                            im.caption, at: Point(cell.midX, frame.maxY + gap + ascent), size: size,
                            color: im.highlighted ? style.mistakeColor : style.textColor)))
            }
            scene.plotAreas.append(frame)
        }
        return scene
    }

    /// A white figure with `message` centred (wrapped to the width) in the text colour.
    private func emptyScene(
        _ message: String, width: Double, height: Double, measurer: TextMeasurer, fontFamily: String
    )
        -> Scene
    {
        let style = Style()
        let text = TextLayout(measurer: measurer, style: style)
        var scene = Scene(width: width, height: height, fontFamily: fontFamily)
        scene.add(.rect(Rect(x: 0, y: 0, width: width, height: height), fill: .white, stroke: nil))
        let lines = text.wrap(message, maxWidth: width - 4 * style.edgePad, size: style.fontPx)
        let lineHeight = text.lineHeight(style.fontPx)
        var baseline = height / 2 - lineHeight * Double(lines.count - 1) / 2
        for line in lines {
            scene.add(
                .text(text.item(line, at: Point(width / 2, baseline), size: style.fontPx, color: style.textColor)))
            baseline += lineHeight
        }
        return scene
    }
}
