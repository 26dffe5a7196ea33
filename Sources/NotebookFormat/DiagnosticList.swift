/// Every problem found in a notebook, sorted by location; what `NotebookParser` throws.
///
/// Bounded so that hostile input cannot flood the terminal: at most ``limit`` diagnostics are kept,
/// then one closing line says how many more there are (the collector already keeps at most
/// ``DiagnosticCollector/perLine`` per line).
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    /// The most diagnostics shown for one file.
    public static let limit = 50

    public let diagnostics: [Diagnostic]
    /// How many problems there were, including those not kept.
    public let total: Int

    /// Sorts by location (stable for equal locations) and drops exact duplicates, in O(n log n).
    /// - Parameters:
    ///   - notes: lines saying how many errors were left out on a line (placed in order, not counted);
    ///   - hidden: how many errors those notes stand for.
    public init(_ diagnostics: [Diagnostic], notes: [Diagnostic] = [], hidden: Int = 0) {
        var seen = Set<Diagnostic>()
        // A note closes its line: after the line's errors, before the next line's.
        let items = diagnostics.map { ($0, false) } + notes.map { ($0, true) }
        let ordered = items.enumerated().sorted { a, b in
            let (x, y) = (a.element.0.location, b.element.0.location)
            if x.file != y.file || x.line != y.line { return x < y }
            if a.element.1 != b.element.1 { return !a.element.1 }
            return x != y ? x < y : a.offset < b.offset
        }
        var unique: [Diagnostic] = []
        for d in ordered.map(\.element.0) where seen.insert(d).inserted { unique.append(d) }
        total = unique.count - notes.count + hidden
        guard unique.count > Self.limit else {
            self.diagnostics = unique
            return
        }
        var kept = Array(unique.prefix(Self.limit))
        let noteSet = Set(notes)
        let more = total - kept.filter { !noteSet.contains($0) }.count
        kept.append(
            Diagnostic(
                location: unique[Self.limit].location,
                message: "… and \(more) more error\(more == 1 ? "" : "s") in this file, not shown",
                sourceLine: "", length: 1, suggestion: "fix the errors above and run again"))
        self.diagnostics = kept
    }

    /// The diagnostics one after another, then a count line ("2 errors").
    public var description: String {
        let body = diagnostics.map(\.description).joined(separator: "\n")
        return body + "\n\(total) error\(total == 1 ? "" : "s")"
    }
}
