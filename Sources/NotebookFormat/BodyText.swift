/// A directive body after `${name}` substitution, with a map back to the notebook's lines and columns.
///
/// Body line k (1-based) is notebook line `firstLine + k - 1`. `#|` option lines are kept as
/// blank lines so YAML line numbers still line up.
struct BodyText {
    /// One body line: its substituted text and how its columns map back.
    struct Line {
        var sourceLine: Int
        /// Characters of fence indentation removed from the start of the notebook line.
        var indent: Int
        var text: String
        /// Substitutions, in order: where each `${name}` (old) became its value (new), in characters.
        var pieces: [(newStart: Int, newLength: Int, oldStart: Int, oldLength: Int)] = []

        /// The notebook column (1-based) of substituted column `column` (1-based).
        func sourceColumn(_ column: Int) -> Int {
            let o = column - 1
            var delta = 0
            for p in pieces {
                if o < p.newStart { break }
                if o < p.newStart + p.newLength { return indent + p.oldStart + 1 }
                delta = (p.oldStart + p.oldLength) - (p.newStart + p.newLength)
            }
            return indent + o + delta + 1
        }
    }

    let file: String
    var lines: [Line]

    /// The substituted text, lines joined by `\n`.
    var text: String { lines.map(\.text).joined(separator: "\n") }

    /// Location of body line `line`, substituted column `column` (both 1-based).
    func location(line: Int, column: Int) -> SourceLocation {
        guard !lines.isEmpty else { return SourceLocation(file: file, line: 1, column: 1) }
        let l = lines[min(max(line, 1), lines.count) - 1]
        return SourceLocation(file: file, line: l.sourceLine, column: l.sourceColumn(column))
    }

    /// A span in the notebook for `length` substituted characters from (line, column).
    func span(line: Int, column: Int, length: Int) -> Span {
        let start = location(line: line, column: column)
        let end = location(line: line, column: column + max(1, length) - 1)
        return Span(location: start, length: max(1, end.column - start.column + 1))
    }

    /// Character column (1-based) of a libyaml column counted in Unicode scalars (1-based).
    func characterColumn(line: Int, scalarColumn: Int) -> Int {
        guard line >= 1, line <= lines.count else { return scalarColumn }
        var scalars = 0
        var chars = 0
        for c in lines[line - 1].text {
            if scalars >= scalarColumn - 1 { break }
            scalars += c.unicodeScalars.count
            chars += 1
        }
        return chars + 1
    }
}

extension BodyText {
    /// Builds the body from notebook lines, replacing `${name}` by param values.
    ///
    /// - Parameters:
    ///   - rawLines: the body's notebook lines with fence indentation removed, and their
    ///     notebook line numbers and removed indentation.
    ///   - python: write booleans as `True`/`False` (for `model` bodies).
    ///   - blank: body line indices (0-based) to keep blank (`#|` lines).
    static func substituting(
        _ rawLines: [(text: String, line: Int, indent: Int)], file: String,
        params: [(name: String, value: ParamValue)], python: Bool,
        blank: Set<Int>, diagnostics: DiagnosticCollector
    ) -> BodyText {
        var out: [Line] = []
        for (index, raw) in rawLines.enumerated() {
            var line = Line(sourceLine: raw.line, indent: raw.indent, text: "")
            if blank.contains(index) {
                out.append(line)
                continue
            }
            let chars = Array(raw.text)
            var result = ""
            var newCount = 0
            var i = 0
            while i < chars.count {
                if chars[i] == "$", i + 1 < chars.count, chars[i + 1] == "{" {
                    let location = SourceLocation(file: file, line: raw.line, column: raw.indent + i + 1)
                    guard let close = chars[(i + 2)...].firstIndex(of: "}") else {
                        diagnostics.error(
                            "unclosed `${`", at: location, length: 2,
                            suggestion: "write `${name}` to use a param from the front matter")
                        result.append(contentsOf: String(chars[i...]))
                        newCount += chars.count - i
                        break
                    }
                    let name = String(chars[(i + 2)..<close]).trimmingCharacters(in: .whitespaces)
                    let oldLength = close - i + 1
                    let value: String
                    if let v = params.first(where: { $0.name == name })?.value {
                        value = python ? v.pythonLiteral : v.description
                    } else {
                        let names = params.map(\.name)
                        diagnostics.error(
                            names.isEmpty
                                ? "no param `\(name)`: the front matter declares no params"
                                : "no param `\(name)` in the front matter",
                            at: location, length: oldLength,
                            suggestion: Spelling.suggestion(for: name, in: names))
                        value = String(chars[i...close])
                        diagnostics.explained.insert(location)
                    }
                    line.pieces.append((newStart: newCount, newLength: value.count, oldStart: i, oldLength: oldLength))
                    result += value
                    newCount += value.count
                    i = close + 1
                } else {
                    result.append(chars[i])
                    newCount += 1
                    i += 1
                }
            }
            line.text = result
            out.append(line)
        }
        return BodyText(file: file, lines: out)
    }
}
