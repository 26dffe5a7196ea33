import NotebookFormat

/// A number the article shows: where it came from, its value and the text as printed.
struct ShownNumber {
    /// `prose` or the id of the directive (a table) that shows it.
    let source: String
    let location: SourceLocation
    let expression: String
    let value: Double?
    let text: String
    /// Wall-clock figures (`.seconds`) differ run to run; the lock records them but `check` does not compare them.
    let timing: Bool
}
