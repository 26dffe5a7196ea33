import CCmarkGFM
import Foundation
import Markdown
import Mustache

/// Builds the Mustache context of one page: numbers figures and tables, renders the prose and the
/// block partials, and collects the table of contents.
struct PageBuilder {
    let document: ArticleDocument
    let selfContained: Bool
    let templates: TemplateSet
    let locale: ArticleLocale

    /// Ids the page template itself uses.
    static let templateIDs = ["toc-title", "provenance"]

    init(document: ArticleDocument, selfContained: Bool, templates: TemplateSet) {
        self.document = document
        self.selfContained = selfContained
        self.templates = templates
        self.locale = ArticleLocale(lang: document.lang)
    }

    /// A block after the numbering pass.
    private enum Prepared {
        case markdown(MarkdownTree)
        case figure(Figure, id: String, number: Int)
        case table(ResultTable, id: String, number: Int)
        case code(CodeEcho)
        case modelSummary(ModelSummary)
        case claim(ClaimCallout, id: String, number: Int)
    }

    /// A heading of the prose, for ids and the table of contents.
    struct Heading {
        var level: Int
        var id: String
        var text: String
    }

    func context() throws -> [String: Any] {
        var references = CrossReferences()
        var slugger = HeadingSlugger()
        Self.templateIDs.forEach { slugger.reserve($0) }
        var prepared: [Prepared] = []
        var fileNames: Set<String> = []
        var figureCount = 0
        var tableCount = 0
        var claimCount = 0

        // Pass 1: number figures and tables, register labels, parse the prose.
        for block in document.blocks {
            switch block {
            case .markdown(let text):
                prepared.append(.markdown(try MarkdownTree(text)))
            case .figure(let figure):
                figureCount += 1
                try Self.validate(figure)
                guard fileNames.insert(figure.fileName).inserted else {
                    throw ArticleError(
                        "two figures are both named '\(figure.fileName)': figure file names must be unique")
                }
                let id = try Self.elementID(label: figure.label, fallback: "figure-\(figureCount)", &slugger)
                if let label = figure.label {
                    try references.add(label: label, prefix: locale.figure, number: figureCount)
                }
                prepared.append(.figure(figure, id: id, number: figureCount))
            case .table(let table):
                tableCount += 1
                let id = try Self.elementID(label: table.label, fallback: "table-\(tableCount)", &slugger)
                if let label = table.label {
                    try references.add(label: label, prefix: locale.table, number: tableCount)
                }
                prepared.append(.table(table, id: id, number: tableCount))
            case .code(let code):
                prepared.append(.code(code))
            case .modelSummary(let summary):
                prepared.append(.modelSummary(summary))
            case .claim(let claim):
                claimCount += 1
                let id = try Self.elementID(label: claim.label, fallback: "claim-\(claimCount)", &slugger)
                if let label = claim.label {
                    try references.add(label: label, prefix: locale.claim, number: claimCount)
                }
                prepared.append(.claim(claim, id: id, number: claimCount))
            }
        }

        // Prose written with `#` sections is shifted down one level: the title is the page's only h1.
        let levels = prepared.flatMap { block -> [Int32] in
            guard case .markdown(let tree) = block else { return [] }
            return tree.headings.map { cmark_node_get_heading_level($0) }
        }
        let shift: Int32 = levels.min() == 1 ? 1 : 0

        // Pass 2: render every block.
        var fragments: [(kind: String, html: String)] = []
        var headings: [Heading] = []
        for block in prepared {
            switch block {
            case .markdown(let tree):
                let (html, found) = try renderProse(tree, references: references, shift: shift, slugger: &slugger)
                headings += found
                fragments.append(("markdown", html))
            case .figure(let figure, let id, let number):
                fragments.append(("figure", try renderFigure(figure, id: id, number: number, references: references)))
            case .table(let table, let id, let number):
                fragments.append(("table", try renderTable(table, id: id, number: number, references: references)))
            case .code(let code):
                guard code.echo else { continue }
                fragments.append(("code", renderCode(code)))
            case .modelSummary(let summary):
                fragments.append(("modelSummary", renderModelSummary(summary)))
            case .claim(let claim, let id, let number):
                guard claim.shown else { continue }
                fragments.append(("claim", renderClaim(claim, id: id, number: number)))
            }
        }
        return pageContext(fragments: fragments, headings: headings)
    }
}
