import Foundation
import Markdown

/// Reads a notebook file, parses it (cmark-gfm, Yams) and checks it before anything runs.
///
/// Every problem is collected; if there is any, `DiagnosticList` is thrown with all of them.
public struct NotebookParser {
    public init() {}

    /// Parses the file at `url`; `overrides` are `--set name=value` pairs.
    public func parse(contentsOf url: URL, overrides: [String: String] = [:]) throws -> Notebook {
        let name = url.isFileURL ? url.relativePath : url.absoluteString
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DiagnosticList([
                Diagnostic(
                    location: SourceLocation(file: name, line: 1, column: 1),
                    message: "cannot read the notebook: \((error as NSError).localizedDescription)",
                    sourceLine: "", length: 1, suggestion: nil)
            ])
        }
        return try parse(data: data, url: url, overrides: overrides)
    }

    /// Parses the bytes of the notebook file at `url` (already read, so that a run reads its
    /// notebook once and hashes the same bytes it parsed).
    public func parse(data: Data, url: URL, overrides: [String: String] = [:]) throws -> Notebook {
        let name = url.isFileURL ? url.relativePath : url.absoluteString
        let source = try SourceText.decode(data, file: name)
        return try parse(source, url: url, overrides: overrides)
    }

    /// Parses notebook text; `file` names it in diagnostics.
    public func parse(source: String, file: String, overrides: [String: String] = [:]) throws -> Notebook {
        try parse(SourceText(file: file, text: source), url: URL(fileURLWithPath: file), overrides: overrides)
    }

    private func parse(_ source: SourceText, url: URL, overrides: [String: String]) throws -> Notebook {
        let diagnostics = DiagnosticCollector(source: source)
        let reader = FrontMatterReader(source: source, diagnostics: diagnostics)
        var (front, frontEnd, paramSpans, paramsKey) = reader.read()
        reader.apply(overrides, to: &front, paramSpans: paramSpans, paramsKey: paramsKey)

        // cmark sees the front matter as blank lines so that line numbers stay the same.
        let markdownLines = source.lines.enumerated().map { $0.offset < frontEnd ? "" : $0.element }
        guard let document = try? MarkdownTree(markdownLines.joined(separator: "\n")) else {
            throw DiagnosticList([
                Diagnostic(
                    location: source.location(line: 1, column: 1),
                    message: "cmark-gfm could not parse the notebook", sourceLine: "", length: 1,
                    suggestion: nil)
            ])
        }
        var codeLines = Set<Int>()
        var directiveBlocks: [MarkdownTree.CodeBlock] = []
        for block in document.codeBlocks() {
            let lastLine = min(block.endLine, source.lines.count)
            if block.fenced, DirectiveHeader.isDirective(block.info) {
                if block.depth == 1 {
                    directiveBlocks.append(block)
                    continue
                }
                let column =
                    (source.line(block.startLine).firstIndex(where: { $0 != " " && $0 != ">" && $0 != "-" && $0 != "*" }
                    )
                    .map {
                        source.line(block.startLine).distance(from: source.line(block.startLine).startIndex, to: $0)
                    } ?? 0) + 1
                diagnostics.error(
                    "a directive must stand at the top level, not inside a list or quote",
                    at: source.location(line: block.startLine, column: column), length: 3,
                    suggestion: "move the block out of the list or quote and remove its indentation")
            }
            if block.startLine <= lastLine { codeLines.formUnion(block.startLine...lastLine) }
        }

        var warnings = Self.unclosedFenceWarnings(document.codeBlocks(), source: source)
        var blocks: [(line: Int, block: Either)] = []
        var drafts: [DirectiveDraft] = []
        var proseStart = frontEnd + 1
        let scanner = ProseScanner(source: source, diagnostics: diagnostics)
        func flushProse(upTo end: Int) {
            // Blank lines around prose are dropped, unless inside a code block.
            func blank(_ n: Int) -> Bool {
                !codeLines.contains(n) && source.line(n).trimmingCharacters(in: .whitespaces).isEmpty
            }
            var first = proseStart
            var last = end
            while first <= last, blank(first) { first += 1 }
            while last >= first, blank(last) { last -= 1 }
            guard first <= last else { return }
            blocks.append((first, .prose(scanner.scan(lines: first...last, codeLines: codeLines))))
        }
        for block in directiveBlocks {
            flushProse(upTo: block.startLine - 1)
            let end = min(block.endLine, source.lines.count)
            if let draft = DirectiveReader(source: source, diagnostics: diagnostics, params: front.params)
                .read(startLine: block.startLine, endLine: end)
            {
                drafts.append(draft)
                blocks.append((block.startLine, .directive(drafts.count - 1)))
            }
            proseStart = end + 1
        }
        flushProse(upTo: source.lines.count)

        let prose = blocks.compactMap {
            if case .prose(let p) = $0.block { return p }
            return nil
        }
        let references = NotebookChecker(drafts: drafts, prose: prose, diagnostics: diagnostics).check()
        if diagnostics.count > 0 {
            throw DiagnosticList(
                diagnostics.diagnostics, notes: diagnostics.hiddenNotes,
                hidden: diagnostics.count - diagnostics.diagnostics.count)
        }

        var directives: [Directive] = []
        for (draft, refs) in zip(drafts, references) {
            var ids: [String] = []
            for r in refs where !ids.contains(r.id) { ids.append(r.id) }
            directives.append(
                Directive(
                    kind: draft.kind, id: draft.id, display: draft.display, source: draft.source,
                    body: draft.body, normalizedBody: draft.normalizedBody, payload: draft.payload!,
                    location: draft.header.location, dependencies: ids, references: refs))
        }
        let result: [NotebookBlock] = blocks.map {
            switch $0.block {
            case .prose(let p): return .prose(p)
            case .directive(let i): return .directive(directives[i])
            }
        }
        if result.isEmpty {
            warnings.append(
                "\(source.location(line: 1, column: 1)): warning: the notebook has no text and no directives; "
                    + "the article will be empty (`nbrun new NAME.md` writes a starter)")
        }
        var notebook = Notebook(file: url, frontMatter: front, blocks: result)
        notebook.warnings = warnings
        return notebook
    }

    private enum Either {
        case prose(Prose)
        case directive(Int)
    }
}
