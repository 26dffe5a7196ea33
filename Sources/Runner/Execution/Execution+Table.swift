import Article
import Foundation
import NotebookFormat

extension Execution {
    /// A results table: text cells as written, expression cells rendered from the run.
    func table(_ decl: TableDecl, directive: Directive) throws -> ResultTable {
        var numeric = Set<Int>()
        let rows = try decl.rows.map { row in
            try row.enumerated().map { column, cell -> String in
                switch cell {
                case .text(let text):
                    return text
                case .expression(let expression):
                    numeric.insert(column)
                    let rendered = try render(expression, source: directive.id)
                    return rendered.text
                }
            }
        }
        return ResultTable(
            label: directive.display.label, caption: directive.display.caption, columns: decl.columns,
            rows: rows, numericColumns: numeric)
    }

    /// Evaluates an expression against the results and records it for the lock file.
    func render(_ expression: NotebookFormat.Expression, source: String) throws -> RenderedValue {
        let rendered = try expression.evaluate { root, members in try lookup.value(root: root, members: members) }
        shownNumbers.append(
            ShownNumber(
                source: source, location: expression.path.location, expression: expression.source,
                value: rendered.number, text: rendered.text,
                timing: ValueLookup.isTiming(expression.path.members)))
        return rendered
    }
}
