import Foundation
import Mustache

/// Renders an `ArticleDocument` to an HTML page and writes it to disk.
///
/// ```swift
/// let writer = try ArticleWriter()                       // default template from the package
/// let html = try writer.render(document)                  // figures referenced as figures/NAME.png
/// try writer.write(document, to: outputDirectory)         // index.html + figures/, atomically
/// try writer.write(document, to: outputDirectory, selfContained: true)  // one file, data: URIs
/// ```
public struct ArticleWriter: Sendable {
    let templates: TemplateSet

    /// Loads the page template: `templateURL` (a Mustache file) or the default shipped with the package.
    /// - Throws: `ArticleError` when a template cannot be read or does not parse (`file:line:col: ...`).
    public init(templateURL: URL? = nil) throws {
        templates = try TemplateSet(templateURL: templateURL)
    }

    /// The page as HTML. Figures and tables are numbered in order of appearance; `@fig-`/`@tbl-`
    /// references in prose and captions become links. With `selfContained`, figures are inlined as
    /// `data:` URIs; otherwise they are referenced as `figures/<fileName>`.
    /// - Throws: `ArticleError` for a duplicate label or figure file name, an unusable file name or
    ///   size, a table row wider than its columns, or a cmark-gfm failure.
    public func render(_ document: ArticleDocument, selfContained: Bool = false) throws -> String {
        let context = try PageBuilder(document: document, selfContained: selfContained, templates: templates).context()
        return templates.page.render(context, library: templates.library)
    }

    /// Writes the default `article.mustache`, its partials and `style.css` into `directory` (created if
    /// needed), to start a custom template: point `ArticleWriter(templateURL:)` at the copied
    /// `article.mustache`. Existing files of the same names are replaced.
    /// - Throws: `ArticleError` when a file cannot be written.
    public static func writeDefaultTemplates(to directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (name, bytes) in DefaultTemplates.files {
                try Data(bytes).write(to: directory.appendingPathComponent(name), options: .atomic)
            }
        } catch {
            throw ArticleError(
                "cannot write the default templates into \(directory.path): \(error.localizedDescription)")
        }
    }
}
