/// A results table with a numbered caption (表 N / Table N); cells are plain text.
public struct ResultTable: Sendable {
    /// Cross-reference label (`tbl-results`); becomes the element id.
    public var label: String?
    /// Caption as inline Markdown, shown above the table after the number.
    public var caption: String?
    /// Column headings.
    public var columns: [String]
    /// Rows of cells; each row should have `columns.count` cells (short rows are padded).
    public var rows: [[String]]
    /// Indices of columns that hold numbers: right-aligned with tabular figures.
    public var numericColumns: Set<Int>

    public init(
        label: String? = nil, caption: String? = nil, columns: [String], rows: [[String]],
        numericColumns: Set<Int> = []
    ) {
        self.label = label
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.numericColumns = numericColumns
    }
}
