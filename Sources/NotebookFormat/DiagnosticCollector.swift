/// Gathers diagnostics during parsing and checking so that all are reported at once.
final class DiagnosticCollector {
    let source: SourceText
    private(set) var diagnostics: [Diagnostic] = []
    /// Locations already explained by an earlier error (an unknown `${param}`); later errors there are dropped.
    var explained: Set<SourceLocation> = []
    /// Ids of directives whose header could not be read; uses of them are not reported again.
    var brokenIDs: Set<String> = []

    init(source: SourceText) { self.source = source }

    /// The most errors kept for one line: a line of 2,000 `<` gives a few errors and a count, not 2,001.
    static let perLine = 3
    /// Errors recorded per line, and how many beyond ``perLine`` were dropped.
    private var perLineCount: [Int: Int] = [:]
    private(set) var hidden: [Int: Int] = [:]

    /// All errors so far, including those beyond the per-line bound.
    var count: Int { diagnostics.count + hidden.values.reduce(0, +) }

    /// One closing diagnostic per line with dropped errors ("… and 1998 more errors on this line").
    var hiddenNotes: [Diagnostic] {
        hidden.keys.sorted().map { line in
            let n = hidden[line]!
            return Diagnostic(
                location: SourceLocation(file: source.file, line: line, column: 1),
                message: "… and \(n) more error\(n == 1 ? "" : "s") on this line, not shown", sourceLine: "",
                length: 1, suggestion: "fix the errors above first")
        }
    }

    /// Records an error at `location`, quoting its source line and underlining `length` characters.
    func error(_ message: String, at location: SourceLocation, length: Int = 1, suggestion: String? = nil) {
        if explained.contains(location) { return }
        let onLine = perLineCount[location.line, default: 0]
        perLineCount[location.line] = onLine + 1
        if onLine >= Self.perLine {
            hidden[location.line, default: 0] += 1
            return
        }
        diagnostics.append(
            Diagnostic(
                location: location, message: message,
                sourceLine: source.line(location.line),
                length: length, suggestion: suggestion))
    }

    func error(_ message: String, at span: Span, suggestion: String? = nil) {
        error(message, at: span.location, length: span.length, suggestion: suggestion)
    }
}

/// A located piece of source text: where it starts and how many characters it covers.
struct Span: Equatable {
    var location: SourceLocation
    var length: Int
}
