import CCmarkGFM
import Foundation
import Markdown

/// An ``ArticleDocument`` as GitHub-flavoured Markdown, for sites that take Markdown (GitHub, Zenn, Qiita).
///
/// Prose keeps its Markdown (re-rendered by cmark-gfm, so GFM tables in prose stay tables), with
/// cross-references written as text (`Figure 2`, `図 2`); figures are images `figures/<fileName>` with
/// their numbered caption below; results tables and model summaries are GFM tables (numeric columns
/// right-aligned) with their caption above; echoed directives are fenced code blocks (folded ones in
/// `<details>`); provenance is a list under its own heading. No table of contents and no front matter:
/// blog sites make their own. As on the page, prose written with `#` headings is shifted one level down
/// so the title stays the only `#` heading.
struct MarkdownExport {
    let document: ArticleDocument
    let locale: ArticleLocale

    init(document: ArticleDocument) {
        self.document = document
        self.locale = ArticleLocale(lang: document.lang)
    }

    func render() throws -> String {
        let references = try numberedTargets()
        let trees = try document.blocks.map { block -> MarkdownTree? in
            guard case .markdown(let text) = block else { return nil }
            return try MarkdownTree(text)
        }
        let levels = trees.compactMap { $0 }.flatMap { $0.headings.map { cmark_node_get_heading_level($0) } }
        let shift: Int32 = levels.min() == 1 ? 1 : 0

        var parts = ["# " + MarkdownText.escape(document.title)]
        if let byline = byline() { parts.append(byline) }
        var figureNumber = 0
        var tableNumber = 0
        var claimNumber = 0
        for (block, tree) in zip(document.blocks, trees) {
            switch block {
            case .markdown:
                guard let tree else { continue }
                tree.resolveCrossReferences(references, asText: true)
                for node in tree.headings {
                    cmark_node_set_heading_level(node, min(6, cmark_node_get_heading_level(node) + shift))
                }
                let text = try tree.commonmark().trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { parts.append(text) }
            case .figure(let figure):
                figureNumber += 1
                parts.append(try self.figure(figure, number: figureNumber, references: references))
            case .table(let table):
                tableNumber += 1
                parts.append(try self.table(table, number: tableNumber, references: references))
            case .code(let code):
                if let text = self.code(code) { parts.append(text) }
            case .modelSummary(let summary):
                parts.append(modelSummary(summary))
            case .claim(let claim):
                claimNumber += 1
                guard claim.shown else { continue }
                parts.append(
                    "> \(claim.mark) **\(locale.claim) \(claimNumber)**\(locale.captionSeparator)"
                        + "\(MarkdownText.escape(claim.text))  \n> \(MarkdownText.escape(claim.detail))")
            }
        }
        if !document.provenance.isEmpty {
            parts.append("## " + MarkdownText.escape(locale.provenance))
            parts.append(
                document.provenance.map { "- **\(MarkdownText.escape($0.label))**: \(MarkdownText.escape($0.value))" }
                    .joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// Labels → numbers, with the page's checks on figure names (the same errors as the HTML writer).
    private func numberedTargets() throws -> CrossReferences {
        var references = CrossReferences()
        var fileNames: Set<String> = []
        var figures = 0
        var tables = 0
        var claims = 0
        for block in document.blocks {
            switch block {
            case .figure(let figure):
                figures += 1
                try PageBuilder.validate(figure)
                guard fileNames.insert(figure.fileName).inserted else {
                    throw ArticleError(
                        "two figures are both named '\(figure.fileName)': figure file names must be unique")
                }
                if let label = figure.label { try references.add(label: label, prefix: locale.figure, number: figures) }
            case .table(let table):
                tables += 1
                if let label = table.label { try references.add(label: label, prefix: locale.table, number: tables) }
            case .claim(let claim):
                claims += 1
                if let label = claim.label { try references.add(label: label, prefix: locale.claim, number: claims) }
            default:
                break
            }
        }
        return references
    }

    /// `*Author · November 23, 2026*`, or nil when neither is given.
    private func byline() -> String? {
        let author = document.author.flatMap { $0.isEmpty ? nil : $0 }
        let date = document.date.flatMap { $0.isEmpty ? nil : (locale.displayDate($0) ?? $0) }
        let items = [author, date].compactMap { $0 }.map(MarkdownText.escape)
        return items.isEmpty ? nil : "*" + items.joined(separator: " · ") + "*"
    }

    /// A caption's inline Markdown with references as text, on one line.
    private func inline(_ markdown: String, references: CrossReferences) throws -> String {
        let tree = try MarkdownTree(markdown)
        tree.resolveCrossReferences(references, asText: true)
        return try tree.commonmark().trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: " ")
    }

    /// `**Figure 1:** caption` or `**Figure 1**` when there is none.
    private func captionLine(_ numberText: String, _ caption: String?, references: CrossReferences) throws -> String {
        guard let caption, !caption.isEmpty else { return "**\(numberText)**" }
        let separator = locale.captionSeparator.trimmingCharacters(in: .whitespaces)
        return "**\(numberText)\(separator)** " + (try inline(caption, references: references))
    }

    private func figure(_ figure: Figure, number: Int, references: CrossReferences) throws -> String {
        let path =
            "figures/"
            + (figure.fileName.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? figure.fileName)
        let image = "![\(MarkdownText.escape(figure.alt))](\(path))"
        return image + "\n\n"
            + (try captionLine("\(locale.figure) \(number)", figure.caption, references: references))
    }

    private func table(_ table: ResultTable, number: Int, references: CrossReferences) throws -> String {
        let width = table.columns.count
        for (index, row) in table.rows.enumerated() where row.count > width {
            throw ArticleError(
                "table \(table.label ?? "table-\(number)"): row \(index + 1) has \(row.count) cells but the table has \(width) columns"
            )
        }
        let caption = try captionLine("\(locale.table) \(number)", table.caption, references: references)
        let rows = table.rows.map { $0 + Array(repeating: "", count: width - $0.count) }
        return caption + "\n\n" + Self.gfmTable(header: table.columns, rows: rows, numeric: table.numericColumns)
    }

    /// A GFM table; numeric columns are right-aligned (`---:`).
    static func gfmTable(header: [String], rows: [[String]], numeric: Set<Int>) -> String {
        func line(_ cells: [String]) -> String { "| " + cells.map(MarkdownText.escape).joined(separator: " | ") + " |" }
        let rule = "|" + header.indices.map { numeric.contains($0) ? " ---: |" : " --- |" }.joined()
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// The directive as written, fences included, inside a longer fence; `#|` lines dropped as on the page.
    private func code(_ code: CodeEcho) -> String? {
        guard code.echo else { return nil }
        var lines = code.source.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        lines.removeAll { $0.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#|") }
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        let longestRun =
            lines.map { line in
                line.split(whereSeparator: { $0 != "`" }).map(\.count).max() ?? 0
            }.max() ?? 0
        let fence = String(repeating: "`", count: max(3, longestRun + 1))
        let block = ([fence] + lines + [fence]).joined(separator: "\n")
        guard code.folded else { return block }
        return "<details>\n<summary>\(HTMLText.escape(locale.showCode)) <code>\(HTMLText.escape(code.kind)) "
            + "\(HTMLText.escape(code.id))</code></summary>\n\n\(block)\n\n</details>"
    }

    /// `Model: "name"`, the layer table, and the three totals as Keras prints them.
    private func modelSummary(_ summary: ModelSummary) -> String {
        let trainable = summary.trainableParameters ?? summary.totalParameters
        func count(_ n: Int) -> String { "\(ArticleLocale.thousands(n)) (\(PageBuilder.memorySize(bytes: n * 4)))" }
        let table = Self.gfmTable(
            header: [locale.layerHeading, locale.outputShapeHeading, locale.parametersHeading],
            rows: summary.rows.map { [$0.layer, $0.outputShape, ArticleLocale.thousands($0.parameters)] },
            numeric: [2])
        let totals = [
            (locale.totalParameters, summary.totalParameters), (locale.trainableParameters, trainable),
            (locale.nonTrainableParameters, summary.totalParameters - trainable),
        ].map { "- \(MarkdownText.escape($0.0)): \(MarkdownText.escape(count($0.1)))" }
        return "Model: `\(summary.modelName.replacingOccurrences(of: "`", with: "'"))`\n\n" + table + "\n\n"
            + totals.joined(separator: "\n")
    }
}
