import Yams

extension DirectiveDecoder {
    /// ```yaml
    /// columns: [model, val_accuracy]
    /// rows:
    ///   - [no dropout, "{{ no_dropout.history.val_accuracy.last | percent(2) }}"]
    /// ```
    func decodeTable() {
        guard let f = fields(allowed: ["columns", "rows"]) else { return }
        var decl = TableDecl(columns: [], rows: [])
        if let (_, n) = f["columns"], let items = yaml.list(n, "columns") {
            decl.columns = items.compactMap { yaml.string($0, "column") }
        } else if f["columns"] == nil {
            yaml.missing("columns", example: "columns: [model, accuracy]")
        }
        if let (_, n) = f["rows"], let rows = yaml.list(n, "rows") {
            for row in rows {
                guard let cells = yaml.list(row, "row") else { continue }
                if !decl.columns.isEmpty, cells.count != decl.columns.count {
                    diagnostics.error(
                        "this row has \(cells.count) cell\(cells.count == 1 ? "" : "s") but the table has \(decl.columns.count) columns",
                        at: yaml.span(row))
                }
                decl.rows.append(cells.compactMap(cell))
            }
        } else if f["rows"] == nil {
            yaml.missing(
                "rows", example: "rows: [[no dropout, \"{{ no_dropout.history.val_accuracy.last | percent(2) }}\"]]")
        }
        draft.payload = .table(decl)
        let rows = decl.rows.map { row in
            row.map { cell -> String in
                switch cell {
                case .text(let t): return "t:" + t
                case .expression(let e): return "e:" + e.source
                }
            }.joined(separator: "\t")
        }
        draft.normalizedBody =
            "columns=" + decl.columns.joined(separator: "\t") + "\nrows=" + rows.joined(separator: "\n")
    }

    /// Plain text, or exactly one `{{ expr }}` making up the whole cell.
    private func cell(_ node: Node) -> TableCell? {
        guard let text = yaml.string(node, "cell") else { return nil }
        guard let open = text.range(of: "{{") else { return .text(text) }
        let span = yaml.span(node)
        var quoteOffset = 0
        if case .scalar(let s) = node, s.style == .singleQuoted || s.style == .doubleQuoted { quoteOffset = 1 }
        let openOffset = text.distance(from: text.startIndex, to: open.lowerBound)
        guard let close = text.range(of: "}}", range: open.upperBound..<text.endIndex) else {
            diagnostics.error(
                "unclosed `{{` in table cell",
                at: SourceLocation(
                    file: span.location.file, line: span.location.line,
                    column: span.location.column + quoteOffset + openOffset), length: 2,
                suggestion: "close it with `}}`")
            return nil
        }
        let before = text[..<open.lowerBound].trimmingCharacters(in: .whitespaces)
        let after = text[close.upperBound...].trimmingCharacters(in: .whitespaces)
        guard before.isEmpty, after.isEmpty else {
            diagnostics.error(
                "a table cell is either text or one `{{ expression }}`, not both", at: span,
                suggestion: "put the text in its own column or in the column header")
            return nil
        }
        let inner = String(text[open.upperBound..<close.lowerBound])
        guard let e = expression(inner, at: span, offsetInNode: quoteOffset + openOffset + 2) else { return nil }
        draft.paths.append(.init(expression: e, span: span, wantsSeries: false))
        return .expression(e)
    }
}
