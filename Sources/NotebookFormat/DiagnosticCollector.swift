/// Gathers diagnostics during parsing and checking so that all are reported at once.
final class DiagnosticCollector {
    let source: SourceText
    private(set) var diagnostics: [Diagnostic] = []
    /// Locations already explained by an earlier error (an unknown `${param}`); later errors there are dropped.
    var explained: Set<SourceLocation> = []
    /// Ids of directives whose header could not be read; uses of them are not reported again.
    var brokenIDs: Set<String> = []

    init(source: SourceText) { self.source = source }

    /// Records an error at `location`, quoting its source line and underlining `length` characters.
    func error(_ message: String, at location: SourceLocation, length: Int = 1, suggestion: String? = nil) {
        if explained.contains(location) { return }
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
