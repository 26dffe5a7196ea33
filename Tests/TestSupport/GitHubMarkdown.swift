import Foundation
import Markdown

/// Exported Markdown as GitHub renders it (cmark-gfm with its table, strikethrough and autolink
/// extensions, safe mode), and what tests look for in the HTML.
public enum GitHubMarkdown {
    /// The HTML GitHub would show for `markdown`.
    public static func html(_ markdown: String) throws -> String {
        try MarkdownTree(markdown).html()
    }

    /// The `src` of every `<img>` in `html`, in order.
    public static func imageSources(_ html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"<img[^>]*\ssrc="([^"]*)""#)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    /// How many times `needle` occurs in `text`.
    public static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
