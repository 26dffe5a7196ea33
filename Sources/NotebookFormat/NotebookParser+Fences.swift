import Markdown

extension NotebookParser {
    /// Warnings for plain fenced code blocks that hide directives.
    ///
    /// CommonMark runs a fence that is never closed to the end of the file, and a closing fence
    /// cannot carry an info string, so a directive header written while a fence is still open is
    /// read as code: that directive and (when the fence is never closed) every later one silently do
    /// not run. Two cases are reported at the opening fence: a block that runs to the end of the
    /// file without its closing line, and a block holding a directive header fenced like it.
    static func unclosedFenceWarnings(_ blocks: [MarkdownTree.CodeBlock], source: SourceText) -> [String] {
        func blankAfter(_ line: Int) -> Bool {
            line >= source.lines.count
                || source.lines[line...].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        var warnings: [String] = []
        for block in blocks where block.fenced && !DirectiveHeader.isDirective(block.info) {
            let opening = Array(source.line(block.startLine))
            guard let start = opening.firstIndex(where: { $0 == "`" || $0 == "~" }) else { continue }
            let fenceChar = opening[start]
            let length = opening[start...].prefix { $0 == fenceChar }.count
            let last = source.line(block.endLine).trimmingCharacters(in: .whitespaces)
            let closed =
                block.endLine > block.startLine && last.count >= length && last.allSatisfy { $0 == fenceChar }
            // Directive headers inside: any, in a block that runs to the end; fenced with the same
            // character and at least as long in a closed one (a shorter fence there is an example).
            let runsToEnd = !closed && blankAfter(block.endLine)
            var hidden: [Int] = []
            let contentEnd = closed ? block.endLine - 1 : block.endLine
            if block.startLine < contentEnd {
                for n in (block.startLine + 1)...contentEnd {
                    let text = source.line(n).trimmingCharacters(in: .whitespaces)
                    let fence = text.prefix { $0 == fenceChar }.count
                    let anyFence = text.prefix { $0 == "`" || $0 == "~" }.count
                    let header = String(text.dropFirst(anyFence))
                    if runsToEnd ? anyFence >= 3 : fence >= length, DirectiveHeader.isDirective(header) {
                        hidden.append(n)
                    }
                }
            }
            let location = source.location(line: block.startLine, column: start + 1)
            let close = "close it with a line \(String(repeating: fenceChar, count: length))"
            if runsToEnd {
                let n = hidden.count
                let lost =
                    n == 0
                    ? "it runs to the end of the file"
                    : "\(n) directive\(n == 1 ? "" : "s") after it \(n == 1 ? "is" : "are") not run"
                warnings.append("\(location): warning: this code block is never closed; \(lost) (\(close))")
            } else if let first = hidden.first {
                let header = source.line(first).trimmingCharacters(in: .whitespaces).drop { $0 == "`" || $0 == "~" }
                warnings.append(
                    "\(location): warning: this code block is still open at line \(first), so the directive "
                        + "`\(header.prefix(60))` there is read as code and not run (\(close) before line \(first))")
            }
        }
        return warnings
    }
}
