import Foundation
import Mustache

/// The page template, its partials and the stylesheet: compiled into the binary, or the user's.
///
/// The page template is `article.mustache` unless the user gives one. The partials (`toc`, `figure`,
/// `table`, `code`, `model-summary`, `provenance`, `fragment`) and `style.css` are the defaults of
/// ``DefaultTemplates``; a file of the same name beside a user template (`figure.mustache`,
/// `style.css`) replaces the default.
struct TemplateSet: Sendable {
    static let partialNames = ["toc", "figure", "table", "code", "model-summary", "provenance", "fragment"]

    var page: MustacheTemplate
    var library: MustacheLibrary
    var css: String

    init(templateURL: URL?) throws {
        let userDirectory = templateURL?.deletingLastPathComponent()
        func source(_ name: String) throws -> (text: String, path: String) {
            if let userDirectory {
                let candidate = userDirectory.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: candidate.path) {
                    return (try Self.read(candidate), candidate.path)
                }
            }
            return (DefaultTemplates.text(name), DefaultTemplates.displayPath(name))
        }
        if let templateURL {
            page = try Self.parse(try Self.read(templateURL), path: templateURL.path)
        } else {
            page = try Self.parse(
                DefaultTemplates.text("article.mustache"), path: DefaultTemplates.displayPath("article.mustache"))
        }
        var library = MustacheLibrary()
        for name in Self.partialNames {
            let (text, path) = try source(name + ".mustache")
            library.register(try Self.parse(text, path: path), named: name)
        }
        self.library = library
        css = try source("style.css").text
    }

    /// Reads a user's template file as UTF-8.
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
    static func parse(_ text: String, path: String) throws -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            let line = error.context.line.trimmingCharacters(in: .newlines)
            throw ArticleError(
                """
                \(path):\(error.context.lineNumber):\(error.context.columnNumber): \
                template does not parse (\(error.error)): \(line)
                """)
        } catch {
            throw ArticleError("\(path): template does not parse (\(error))")
        }
    }
}
