import AtomicFiles
import Foundation

extension ArticleWriter {
    /// The article as GitHub-flavoured Markdown (see ``MarkdownExport``): values filled in, figures as
    /// `figures/<fileName>` links, cross-references as text, tables as GFM tables.
    /// - Throws: `ArticleError` for the same document problems as ``render(_:selfContained:)``.
    public func renderMarkdown(_ document: ArticleDocument) throws -> String {
        try MarkdownExport(document: document).render()
    }

    /// Writes `directory/<fileName>` (Markdown) and `directory/figures/`, replacing the folder atomically
    /// as ``write(_:to:selfContained:)`` does; an existing folder may hold only a previous export.
    /// - Throws: `ArticleError` for rendering or file system failures.
    public func writeMarkdown(_ document: ArticleDocument, to directory: URL, fileName: String) throws {
        let text = try renderMarkdown(document)
        try OutputFolder.replace(directory, owned: [fileName, "figures", ".DS_Store"]) { staging in
            let file = staging.appendingPathComponent(fileName)
            do {
                try Data(text.utf8).write(to: file)
            } catch {
                throw ArticleError("cannot write \(file.path): \(error.localizedDescription)")
            }
            try Self.writeFigures(of: document, into: staging)
        }
    }

    /// The article body alone, to paste into a blog editor: the blocks and the provenance (no title,
    /// byline, table of contents or footer, which the blog provides), wrapped in one `<div lang>`, with
    /// the stylesheet moved into `style` attributes (``StyleInliner``) and figures as `data:` URIs. The
    /// result loads nothing from anywhere.
    /// - Throws: `ArticleError` for the same document problems as ``render(_:selfContained:)``.
    public func renderFragment(_ document: ArticleDocument) throws -> String {
        let context = try PageBuilder(document: document, selfContained: true, templates: templates).context()
        let html = templates.library.render(context, withTemplate: "fragment") ?? ""
        let sheet = StyleSheet(css: templates.css, lang: document.lang)
        return StyleInliner(sheet: sheet, lang: document.lang).inline(html)
    }

    /// Writes ``renderFragment(_:)`` to `file` atomically (parent folders are created).
    /// - Throws: `ArticleError` for rendering or file system failures.
    public func writeFragment(_ document: ArticleDocument, to file: URL) throws {
        let html = try renderFragment(document)
        do {
            try AtomicWrite.write(Data(html.utf8), to: file)
        } catch let error as AtomicFileError {
            throw ArticleError(error.message)
        }
    }

    /// `folder/figures/<fileName>` for every figure of the document (nothing when there is none).
    static func writeFigures(of document: ArticleDocument, into folder: URL) throws {
        let figures = folder.appendingPathComponent("figures")
        let pngs = document.blocks.compactMap { block -> Figure? in
            if case .figure(let figure) = block { return figure } else { return nil }
        }
        guard !pngs.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(at: figures, withIntermediateDirectories: false)
            for figure in pngs {
                try figure.png.write(to: figures.appendingPathComponent(figure.fileName))
            }
        } catch {
            throw ArticleError("cannot write the figures into \(figures.path): \(error.localizedDescription)")
        }
    }
}
