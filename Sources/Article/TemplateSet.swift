import Foundation
import Mustache

/// The page template, its partials and the stylesheet, loaded from the package resources or the user.
///
/// The page template is `article.mustache` unless the user gives one. The partials (`toc`, `figure`,
/// `table`, `code`, `model-summary`, `provenance`) and `style.css` come from the package; a file of the
/// same name beside a user template (`figure.mustache`, `style.css`) replaces the default.
struct TemplateSet: Sendable {
    static let partialNames = ["toc", "figure", "table", "code", "model-summary", "provenance"]

    var page: MustacheTemplate
    var library: MustacheLibrary
    var css: String

    init(templateURL: URL?) throws {
        let defaults = try Self.defaultDirectory()
        let userDirectory = templateURL?.deletingLastPathComponent()
        func source(_ name: String) throws -> (text: String, url: URL) {
            if let userDirectory {
                let candidate = userDirectory.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: candidate.path) {
                    return (try Self.read(candidate), candidate)
                }
            }
            let url = defaults.appendingPathComponent(name)
            return (try Self.read(url), url)
        }
        let pageURL = templateURL ?? defaults.appendingPathComponent("article.mustache")
        page = try Self.parse(try Self.read(pageURL), url: pageURL)
        var library = MustacheLibrary()
        for name in Self.partialNames {
            let (text, url) = try source(name + ".mustache")
            library.register(try Self.parse(text, url: url), named: name)
        }
        self.library = library
        css = try source("style.css").text
    }

    /// Reads a template file as UTF-8.
    static func read(_ url: URL) throws -> String {
        do {
            let data = try Data(contentsOf: url)
            guard let text = String(data: data, encoding: .utf8) else {
                throw ArticleError("template \(url.path): not UTF-8 text")
            }
            return text
        } catch let error as ArticleError {
            throw error
        } catch {
            throw ArticleError("template \(url.path): cannot read it (\(error.localizedDescription))")
        }
    }

    /// Parses Mustache text; a syntax error becomes `file:line:col: message` quoting the line.
    static func parse(_ text: String, url: URL) throws -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            let line = error.context.line.trimmingCharacters(in: .newlines)
            throw ArticleError(
                """
                \(url.path):\(error.context.lineNumber):\(error.context.columnNumber): \
                template does not parse (\(error.error)): \(line)
                """)
        } catch {
            throw ArticleError("\(url.path): template does not parse (\(error))")
        }
    }

    /// The `Templates` folder of the package resources.
    ///
    /// Looks beside the executable first (`nbrun_Article.resources`, where SwiftPM puts it next to an
    /// installed binary) and falls back to SwiftPM's `Bundle.module`.
    static func defaultDirectory() throws -> URL {
        let bundleName = "nbrun_Article.resources"
        var candidates = [Bundle.main.bundleURL.appendingPathComponent(bundleName)]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName))
        }
        for candidate in candidates {
            let templates = candidate.appendingPathComponent("Templates")
            if FileManager.default.fileExists(atPath: templates.appendingPathComponent("article.mustache").path) {
                return templates
            }
        }
        guard let url = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw ArticleError("the article templates are missing from the package resources (\(bundleName)/Templates)")
        }
        return url
    }
}
