import Vocabulary

/// Finds `{{ expr }}` and cross-references (``CrossReferenceGrammar``) in prose, skipping code
/// spans, code blocks and backslash escapes (`\{{` stays literal).
struct ProseScanner {
    let source: SourceText
    let diagnostics: DiagnosticCollector

    /// Scans notebook lines `lines` (1-based, contiguous); `codeLines` are lines inside code blocks.
    func scan(lines: ClosedRange<Int>, codeLines: Set<Int>) -> Prose {
        let markdown = lines.map { source.line($0) }.joined(separator: "\n")
        let chars = Array(markdown)
        // Character offset -> (line, column), and which characters sit in code blocks.
        var lineOf = [Int](repeating: 0, count: chars.count + 1)
        var columnOf = [Int](repeating: 0, count: chars.count + 1)
        var inBlock = [Bool](repeating: false, count: chars.count + 1)
        var line = lines.lowerBound
        var column = 1
        for (i, c) in chars.enumerated() {
            lineOf[i] = line
            columnOf[i] = column
            inBlock[i] = codeLines.contains(line)
            if c == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        lineOf[chars.count] = line
        columnOf[chars.count] = column
        func location(_ i: Int) -> SourceLocation { source.location(line: lineOf[i], column: columnOf[i]) }
        // String.Index of each character offset, for ranges.
        let indices = Array(markdown.indices) + [markdown.endIndex]

        var lastClose = chars.count - 1
        while lastClose > 0, !(chars[lastClose - 1] == "}" && chars[lastClose] == "}") { lastClose -= 1 }
        lastClose -= 1  // where the last `}}` starts (-1 without one)
        var expressions: [InlineExpression] = []
        var references: [CrossReference] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inBlock[i] {
                i += 1
                continue
            }
            if c == "\\" {
                i += 2
                continue
            }
            if c == "`" {
                var n = 0
                while i + n < chars.count, chars[i + n] == "`" { n += 1 }
                var j = i + n
                var closed = false
                while j < chars.count, !inBlock[j] {
                    if chars[j] == "`" {
                        var m = 0
                        while j + m < chars.count, chars[j + m] == "`" { m += 1 }
                        if m == n {
                            closed = true
                            j += m
                            break
                        }
                        j += m
                    } else {
                        j += 1
                    }
                }
                i = closed ? j : i + n
                continue
            }
            if c == "{", i + 1 < chars.count, chars[i + 1] == "{" {
                // No `}}` after the last one: skip the scan (a line of `{` would otherwise be quadratic).
                var j = i + 2 <= lastClose ? i + 2 : chars.count
                while j + 1 < chars.count, !(chars[j] == "}" && chars[j + 1] == "}") { j += 1 }
                guard j + 1 < chars.count else {
                    diagnostics.error(
                        "unclosed `{{`", at: location(i), length: 2,
                        suggestion: "close it with `}}`, or write `\\{{` for literal braces")
                    i += 2
                    continue
                }
                let inner = String(chars[(i + 2)..<j])
                do {
                    let e = try ExpressionParser.parse(inner) { location(i + 2 + $0) }
                    expressions.append(
                        InlineExpression(range: indices[i]..<indices[j + 2], expression: e, location: location(i)))
                } catch let f as ExpressionParser.Failure {
                    diagnostics.error(
                        f.message, at: location(i + 2 + f.offset), length: f.length, suggestion: f.suggestion)
                } catch {}
                i = j + 2
                continue
            }
            if c == "@", let match = CrossReferenceGrammar.match(in: chars, at: i) {
                let end = match.range.upperBound - (match.form == .bracketed ? 1 : 0)
                references.append(
                    CrossReference(
                        label: match.label, range: indices[i]..<indices[end], location: location(i),
                        capitalized: match.capitalized))
                i = end
                continue
            }
            i += 1
        }
        return Prose(
            markdown: markdown, location: source.location(line: lines.lowerBound, column: 1),
            expressions: expressions, references: references)
    }
}
