/// Reads one fenced directive block: header, `#|` options, `${}` substitution, then the body by kind.
struct DirectiveReader {
    let source: SourceText
    let diagnostics: DiagnosticCollector
    let params: [(name: String, value: ParamValue)]

    /// Reads notebook lines `startLine...endLine` (the fences included); nil when the header is unusable.
    func read(startLine: Int, endLine: Int) -> DirectiveDraft? {
        let fenceLine = Array(source.line(startLine))
        var indent = 0
        while indent < fenceLine.count, fenceLine[indent] == " " { indent += 1 }
        let fenceChar = indent < fenceLine.count ? fenceLine[indent] : "`"
        var fenceLength = 0
        while indent + fenceLength < fenceLine.count, fenceLine[indent + fenceLength] == fenceChar { fenceLength += 1 }
        let header = Span(location: source.location(line: startLine, column: indent + 1), length: fenceLength)

        // Closed when the last line is a fence of the same character, at least as long.
        let last = source.line(endLine).trimmingCharacters(in: .whitespaces)
        let closed = endLine > startLine && last.count >= fenceLength && last.allSatisfy { $0 == fenceChar }
        if !closed {
            diagnostics.error(
                "this directive's fence is never closed", at: header,
                suggestion: "end the block with a line \(String(repeating: fenceChar, count: fenceLength))")
        }
        guard let info = DirectiveHeader.parse(line: startLine, source: source, diagnostics: diagnostics) else {
            let words = source.line(startLine).split(whereSeparator: { " {}`~\t".contains($0) })
            if let last = words.last, words.count >= 2 { diagnostics.brokenIDs.insert(String(last)) }
            return nil
        }

        let before = diagnostics.count
        let bodyEnd = closed ? endLine - 1 : endLine
        var rawLines: [(text: String, line: Int, indent: Int)] = []
        if startLine + 1 <= bodyEnd {
            for n in (startLine + 1)...bodyEnd {
                var chars = Array(source.line(n))
                var removed = 0
                while removed < indent, removed < chars.count, chars[removed] == " " { removed += 1 }
                chars.removeFirst(removed)
                rawLines.append((String(chars), n, removed))
            }
        }
        let optionCount = rawLines.prefix { $0.text.trimmingCharacters(in: .whitespaces).hasPrefix("#|") }.count
        var body = BodyText.substituting(
            rawLines, file: source.file, params: params, python: info.kind == .model,
            blank: [], diagnostics: diagnostics)
        var display = DisplayOptions()
        var labelSpan: Span?
        for k in 0..<optionCount {
            readOption(body.lines[k], lineIndex: k + 1, body: body, into: &display, labelSpan: &labelSpan)
            body.lines[k].text = ""
        }
        let source = (startLine...endLine).map { self.source.line($0) }.joined(separator: "\n")
        var draft = DirectiveDraft(
            kind: info.kind, id: info.id, idSpan: info.idSpan, header: header, display: display,
            labelSpan: labelSpan, source: source,
            body: body.lines.dropFirst(optionCount).map(\.text).joined(separator: "\n"))
        draft = DirectiveDecoder(draft: draft, body: body, diagnostics: diagnostics).decode()
        draft.hadErrors =
            diagnostics.count > before
            || !diagnostics.explained.isEmpty
                && body.lines.contains { line in
                    line.pieces.contains {
                        diagnostics.explained.contains(
                            SourceLocation(
                                file: self.source.file, line: line.sourceLine, column: line.indent + $0.oldStart + 1))
                    }
                }
        return draft
    }

    /// One `#| key: value` line.
    private func readOption(
        _ line: BodyText.Line, lineIndex: Int, body: BodyText, into display: inout DisplayOptions,
        labelSpan: inout Span?
    ) {
        let chars = Array(line.text)
        var i = 0
        while i < chars.count, chars[i] == " " { i += 1 }
        i += 2
        while i < chars.count, chars[i] == " " { i += 1 }
        let keyStart = i
        while i < chars.count, chars[i] != ":" { i += 1 }
        let key = String(chars[keyStart..<i]).trimmingCharacters(in: .whitespaces)
        let keySpan = body.span(line: lineIndex, column: keyStart + 1, length: max(1, key.count))
        guard i < chars.count else {
            diagnostics.error("expected `#| key: value`", at: keySpan, suggestion: "e.g. `#| echo: false`")
            return
        }
        i += 1
        while i < chars.count, chars[i] == " " { i += 1 }
        let valueStart = i
        var value = String(chars[i...]).trimmingCharacters(in: .whitespaces)
        if value.count >= 2, let f = value.first, f == "\"" || f == "'", value.last == f {
            value = String(value.dropFirst().dropLast())
        }
        let valueSpan = body.span(line: lineIndex, column: valueStart + 1, length: max(1, chars.count - valueStart))
        switch key {
        case "echo":
            switch value.lowercased() {
            case "true": display.echo = true
            case "false": display.echo = false
            default: diagnostics.error("`echo` must be `true` or `false`, got `\(value)`", at: valueSpan)
            }
        case "caption", "fig-cap", "tbl-cap":
            display.caption = value
        case "label":
            display.label = value
            labelSpan = valueSpan
        default:
            diagnostics.error(
                "unknown display option `\(key)`", at: keySpan,
                suggestion: Spelling.suggestion(for: key, in: DisplayOptions.keys)
                    ?? "options are `echo`, `caption` and `label`")
        }
    }
}
