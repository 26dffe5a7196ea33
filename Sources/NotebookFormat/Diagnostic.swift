/// One problem found in a notebook, located and quoted the way compilers do.
///
/// `description` renders (indentation four spaces, caret and tildes aligned under the
/// offending text with East Asian wide characters counted as two columns):
///
///     article.md:12:3: error: unknown key `epoch` in `train` directive
///         epoch: 20
///         ^~~~~
///         did you mean `epochs`?
///
/// The quote lines are left out when `sourceLine` is empty; the last line when
/// `suggestion` is nil. `suggestion` is a whole sentence ("did you mean `x`?").
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public let location: SourceLocation
    public let message: String
    public let sourceLine: String
    /// Number of characters to underline, at least 1.
    public let length: Int
    public let suggestion: String?

    public init(location: SourceLocation, message: String, sourceLine: String, length: Int, suggestion: String?) {
        self.location = location
        self.message = message
        self.sourceLine = sourceLine
        self.length = max(1, length)
        self.suggestion = suggestion
    }

    public var description: String {
        var out = "\(location): error: \(message)"
        let quoted = String(sourceLine.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
            .replacingOccurrences(of: "\t", with: "    ")
        if !quoted.isEmpty {
            let original = Array(sourceLine)
            let start = min(max(location.column - 1, 0), original.count)
            let end = min(start + length, original.count)
            let prefix = String(original[..<start]).replacingOccurrences(of: "\t", with: "    ")
            let marked = start < end ? String(original[start..<end]).replacingOccurrences(of: "\t", with: "    ") : " "
            let pad = String(repeating: " ", count: DisplayWidth.of(prefix))
            let width = max(1, DisplayWidth.of(marked))
            out += "\n    \(quoted)\n    \(pad)^\(String(repeating: "~", count: width - 1))"
        }
        if let suggestion { out += "\n    \(suggestion)" }
        return out
    }
}
