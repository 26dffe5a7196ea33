import CCmarkGFM
import Foundation
import Markdown
import Mustache

extension PageBuilder {
    /// Prose: cross references resolved, headings shifted and given ids, rendered by cmark-gfm.
    func renderProse(
        _ tree: MarkdownTree, references: CrossReferences, shift: Int32,
        slugger: inout HeadingSlugger
    ) throws -> (String, [Heading]) {
        tree.resolveCrossReferences(references)
        var headings: [Heading] = []
        for node in tree.headings {
            let level = min(6, cmark_node_get_heading_level(node) + shift)
            cmark_node_set_heading_level(node, level)
            let text = MarkdownTree.plainText(of: node).trimmingCharacters(in: .whitespaces)
            headings.append(Heading(level: Int(level), id: slugger.slug(for: text), text: text))
        }
        let html = Self.addHeadingIDs(try tree.html(), headings)
        return (html, headings)
    }

    /// Inserts `id` attributes into cmark's `<hN>` tags, which appear in the same order as the heading
    /// nodes (raw HTML is omitted in safe mode, so every `<hN>` in the output is a heading).
    static func addHeadingIDs(_ html: String, _ headings: [Heading]) -> String {
        var result = ""
        var rest = html[...]
        for heading in headings {
            let tag = "<h\(heading.level)>"
            guard let range = rest.range(of: tag) else { continue }
            result += rest[..<range.lowerBound]
            result += "<h\(heading.level) id=\"\(HTMLText.escape(heading.id))\">"
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }

    /// Inline Markdown (a caption) as HTML without the surrounding `<p>`.
    func inlineHTML(_ markdown: String, references: CrossReferences) throws -> String {
        let tree = try MarkdownTree(markdown)
        tree.resolveCrossReferences(references)
        var html = try tree.html().trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), html.components(separatedBy: "<p>").count == 2 {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }

    func renderFigure(_ figure: Figure, id: String, number: Int, references: CrossReferences) throws -> String {
        let width = figure.displayWidth ?? figure.pixelWidth
        let height = Int((Double(figure.pixelHeight) * Double(width) / Double(figure.pixelWidth)).rounded())
        let src: String
        if selfContained {
            src = "data:image/png;base64," + figure.png.base64EncodedString()
        } else {
            src =
                "figures/"
                + (figure.fileName.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
                    ?? figure.fileName)
        }
        let caption = try figure.caption.map { try inlineHTML($0, references: references) } ?? ""
        return partial(
            "figure",
            [
                "id": id, "number": number, "numberText": "\(locale.figure) \(number)",
                "hasCaption": !caption.isEmpty, "captionHTML": caption, "separator": locale.captionSeparator,
                "src": src, "alt": figure.alt, "width": width, "height": height, "fileName": figure.fileName,
            ])
    }

    func renderTable(_ table: ResultTable, id: String, number: Int, references: CrossReferences) throws -> String {
        let width = table.columns.count
        let columns: [[String: Any]] = table.columns.enumerated().map { index, text in
            ["text": text, "numeric": table.numericColumns.contains(index)]
        }
        var rows: [[String: Any]] = []
        for (rowIndex, row) in table.rows.enumerated() {
            guard row.count <= width else {
                throw ArticleError(
                    "table \(id): row \(rowIndex + 1) has \(row.count) cells but the table has \(width) columns")
            }
            let padded = row + Array(repeating: "", count: width - row.count)
            let cells: [[String: Any]] = padded.enumerated().map { index, text in
                ["text": text, "numeric": table.numericColumns.contains(index)]
            }
            rows.append(["cells": cells])
        }
        let caption = try table.caption.map { try inlineHTML($0, references: references) } ?? ""
        return partial(
            "table",
            [
                "id": id, "number": number, "numberText": "\(locale.table) \(number)",
                "hasCaption": !caption.isEmpty, "captionHTML": caption, "separator": locale.captionSeparator,
                "columns": columns, "rows": rows,
            ])
    }

    /// A claim callout: number, ✓ (green) or ✗ (red), the text, then the deciding numbers.
    func renderClaim(_ claim: ClaimCallout, id: String, number: Int) -> String {
        let state = claim.holds ? "holds" : "fails"
        return "<aside class=\"claim claim-\(state)\" id=\"\(HTMLText.escape(id))\">"
            + "<p><span class=\"claim-mark\">\(claim.mark)</span> <strong>\(locale.claim) \(number)</strong>"
            + "\(locale.captionSeparator)\(HTMLText.escape(claim.text))</p>"
            + "<p class=\"claim-detail\">\(HTMLText.escape(claim.detail))</p></aside>"
    }

    func renderCode(_ code: CodeEcho) -> String {
        partial(
            "code",
            [
                "kind": code.kind, "id": code.id, "folded": code.folded, "summary": locale.showCode,
                "highlightedHTML": CodeHighlighter.highlight(code.source, kind: code.kind),
            ])
    }

    /// Keras' `model.summary()` as a table. Sizes assume float32 weights, formatted as Keras'
    /// `readable_memory_size` does (divide by 1024 while ≥ 1024; B, KB, MB, GB; two decimals).
    func renderModelSummary(_ summary: ModelSummary) -> String {
        let trainable = summary.trainableParameters ?? summary.totalParameters
        func count(_ n: Int) -> String { "\(ArticleLocale.thousands(n)) (\(Self.memorySize(bytes: n * 4)))" }
        let rows: [[String: Any]] = summary.rows.map {
            ["layer": $0.layer, "outputShape": $0.outputShape, "parameters": ArticleLocale.thousands($0.parameters)]
        }
        let totals: [[String: Any]] = [
            ["label": locale.totalParameters, "value": count(summary.totalParameters)],
            ["label": locale.trainableParameters, "value": count(trainable)],
            ["label": locale.nonTrainableParameters, "value": count(summary.totalParameters - trainable)],
        ]
        return partial(
            "model-summary",
            [
                "modelName": summary.modelName, "rows": rows, "totals": totals,
                "layerHeading": locale.layerHeading, "outputShapeHeading": locale.outputShapeHeading,
                "parametersHeading": locale.parametersHeading,
            ])
    }

    /// `2775848` → `2.65 MB` (Keras `readable_memory_size`).
    static func memorySize(bytes: Int) -> String {
        var size = Double(bytes)
        let units = ["B", "KB", "MB", "GB", "TB"]
        for unit in units.dropLast() {
            if size / 1024 < 1 { return String(format: "%.2f", size) + " " + unit }
            size /= 1024
        }
        return String(format: "%.2f", size) + " " + units.last!
    }

    func partial(_ name: String, _ context: [String: Any]) -> String {
        templates.library.render(context, withTemplate: name) ?? ""
    }
}
