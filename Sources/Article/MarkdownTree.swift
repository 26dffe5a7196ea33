import CCmarkGFM
import Foundation

/// A Markdown text parsed by cmark-gfm with GitHub's table, strikethrough and autolink extensions.
///
/// Owns the C parser and the node tree; both are freed in `deinit`. Rendering is safe
/// (cmark's default: raw HTML is omitted and `javascript:` style URLs are dropped), so prose can
/// never inject markup into the page.
final class MarkdownTree {
    private let parser: OpaquePointer
    /// The `CMARK_NODE_DOCUMENT` node.
    let root: OpaquePointer

    /// cmark options used for parsing and rendering: CMARK_OPT_DEFAULT is safe mode (no raw HTML).
    private static let options = CMARK_OPT_DEFAULT

    /// The GitHub extensions attached to every parser.
    static let extensionNames = ["table", "strikethrough", "autolink"]

    init(_ markdown: String) throws {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(Self.options) else {
            throw ArticleError("cmark-gfm: could not create a parser (out of memory?)")
        }
        for name in Self.extensionNames {
            guard let ext = cmark_find_syntax_extension(name) else {
                cmark_parser_free(parser)
                throw ArticleError(
                    "cmark-gfm: the '\(name)' extension is not available (is libcmark-gfm-extensions installed?)")
            }
            guard cmark_parser_attach_syntax_extension(parser, ext) != 0 else {
                cmark_parser_free(parser)
                throw ArticleError("cmark-gfm: could not attach the '\(name)' extension")
            }
        }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            cmark_parser_free(parser)
            throw ArticleError("cmark-gfm: parsing failed")
        }
        self.parser = parser
        self.root = root
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The tree as an HTML fragment (safe mode).
    func html() throws -> String {
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let rendered = cmark_render_html(root, Self.options, extensions) else {
            throw ArticleError("cmark-gfm: HTML rendering failed")
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The tree as CommonMark with GitHub's extensions (tables stay GFM tables), one line per paragraph:
    /// soft line breaks become spaces, because Qiita and Hatena show a newline in Markdown as a line break.
    func commonmark() throws -> String {
        guard let rendered = cmark_render_commonmark(root, Self.options | CMARK_OPT_NOBREAKS, 0) else {
            throw ArticleError("cmark-gfm: Markdown rendering failed")
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The heading nodes in document order.
    var headings: [OpaquePointer] {
        var found: [OpaquePointer] = []
        Self.walk(root) { node in
            if cmark_node_get_type(node) == CMARK_NODE_HEADING { found.append(node) }
        }
        return found
    }

    /// Calls `body` for `node` and each descendant, in document order.
    static func walk(_ node: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        body(node)
        var child = cmark_node_first_child(node)
        while let current = child {
            walk(current, body)
            child = cmark_node_next(current)
        }
    }

    /// The plain text of a node: its text and code literals concatenated, soft breaks as spaces.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        walk(node) { descendant in
            let type = cmark_node_get_type(descendant)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(descendant) { text += String(cString: literal) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }
}
