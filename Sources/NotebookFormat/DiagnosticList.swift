/// Every problem found in a notebook, sorted by location; what `NotebookParser` throws.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    /// Sorts by location (stable for equal locations) and drops exact duplicates.
    public init(_ diagnostics: [Diagnostic]) {
        var seen: [Diagnostic] = []
        let ordered = diagnostics.enumerated().sorted { a, b in
            a.element.location != b.element.location ? a.element.location < b.element.location : a.offset < b.offset
        }
        for d in ordered.map(\.element)
        where !seen.contains(d) { seen.append(d) }
        self.diagnostics = seen
    }

    /// The diagnostics one after another, then a count line ("2 errors").
    public var description: String {
        let body = diagnostics.map(\.description).joined(separator: "\n")
        let n = diagnostics.count
        return body + "\n\(n) error\(n == 1 ? "" : "s")"
    }
}
