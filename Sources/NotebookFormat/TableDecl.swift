/// A `table` directive: a header row and rows of text or `{{ expr }}` cells.
public struct TableDecl: Equatable, Sendable {
    public var columns: [String]
    public var rows: [[TableCell]]
    public init(columns: [String], rows: [[TableCell]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// A table cell: literal text, or exactly one `{{ expr }}` (the whole cell).
public enum TableCell: Equatable, Sendable {
    case text(String)
    case expression(Expression)
}
