import Foundation

extension PageBuilder {
    /// The variables a page template sees (documented in docs/modules/Article.md).
    func pageContext(fragments: [(kind: String, html: String)], headings: [Heading]) -> [String: Any] {
        var context: [String: Any] = [
            "lang": document.lang,
            "title": document.title,
            "generator": "nbrun",
            "css": templates.css,
            "body": fragments.map(\.html).joined(separator: "\n"),
            "selfContained": selfContained,
            "strings": [
                "contents": locale.contents, "provenance": locale.provenance, "figure": locale.figure,
                "table": locale.table, "generatedBy": locale.generatedBy, "showCode": locale.showCode,
            ],
        ]
        let author = document.author.flatMap { $0.isEmpty ? nil : $0 }
        let date = document.date.flatMap { $0.isEmpty ? nil : $0 }
        if let author { context["author"] = author }
        if let date {
            if let shown = locale.displayDate(date) {
                context["date"] = shown
                context["dateISO"] = date
            } else {
                context["date"] = date
            }
        }
        context["hasByline"] = author != nil || date != nil

        let kinds = ["markdown", "figure", "table", "code", "modelSummary"]
        context["blocks"] = fragments.map { fragment -> [String: Any] in
            var block: [String: Any] = ["kind": fragment.kind, "html": fragment.html]
            for kind in kinds { block["is" + kind.prefix(1).uppercased() + kind.dropFirst()] = fragment.kind == kind }
            return block
        }

        let toc = Self.tableOfContents(headings)
        context["toc"] = toc
        context["hasToc"] = toc.count + toc.reduce(0) { $0 + (($1["children"] as? [Any])?.count ?? 0) } >= 2

        context["provenance"] = document.provenance.map { item -> [String: Any] in
            var entry: [String: Any] = ["label": item.label, "value": item.value]
            if let link = item.link { entry["link"] = link }
            return entry
        }
        context["hasProvenance"] = !document.provenance.isEmpty
        return context
    }

    /// h2 entries with their h3 children; an h3 before any h2 becomes an entry of its own.
    static func tableOfContents(_ headings: [Heading]) -> [[String: Any]] {
        var entries: [(id: String, text: String, children: [[String: Any]])] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 3, !entries.isEmpty {
                entries[entries.count - 1].children.append(
                    ["id": heading.id, "text": heading.text, "children": [Any](), "hasChildren": false])
            } else {
                entries.append((heading.id, heading.text, []))
            }
        }
        return entries.map {
            ["id": $0.id, "text": $0.text, "children": $0.children, "hasChildren": !$0.children.isEmpty]
        }
    }
}
