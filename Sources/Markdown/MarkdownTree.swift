import CCmarkGFM
import Foundation

/// A Markdown text parsed by cmark-gfm with GitHub's table, strikethrough and autolink extensions:
/// the one place nbrun sets up and frees a cmark-gfm parser (NotebookFormat finds directive blocks
/// with it, Article renders and rewrites the page with it).
///
/// Owns the C parser and the node tree; both are freed in `deinit`. Rendering is safe
/// (cmark's default: raw HTML is omitted and `javascript:` style URLs are dropped), so prose can
/// never inject markup into the page.
public final class MarkdownTree {
    private let parser: OpaquePointer
    /// The `CMARK_NODE_DOCUMENT` node.
    public let root: OpaquePointer

    /// cmark options used for parsing and rendering: CMARK_OPT_DEFAULT is safe mode (no raw HTML).
    private static let options = CMARK_OPT_DEFAULT

    /// The GitHub extensions attached to every parser.
    public static let extensionNames = ["table", "strikethrough", "autolink"]

    public init(_ markdown: String) throws {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(Self.options) else {
            throw MarkdownError("cmark-gfm: could not create a parser (out of memory?)")
        }
        for name in Self.extensionNames {
            guard let ext = cmark_find_syntax_extension(name) else {
                cmark_parser_free(parser)
                throw MarkdownError(
                    "cmark-gfm: the '\(name)' extension is not available (is libcmark-gfm-extensions installed?)")
            }
            guard cmark_parser_attach_syntax_extension(parser, ext) != 0 else {
                cmark_parser_free(parser)
                throw MarkdownError("cmark-gfm: could not attach the '\(name)' extension")
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
            throw MarkdownError("cmark-gfm: parsing failed")
        }
        self.parser = parser
        self.root = root
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The tree as an HTML fragment (safe mode).
    public func html() throws -> String {
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let rendered = cmark_render_html(root, Self.options, extensions) else {
            throw MarkdownError("cmark-gfm: HTML rendering failed")
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The tree as CommonMark with GitHub's extensions (tables stay GFM tables), one line per paragraph:
    /// soft line breaks become spaces, because Qiita and Hatena show a newline in Markdown as a line break.
    public func commonmark() throws -> String {
        guard let rendered = cmark_render_commonmark(root, Self.options | CMARK_OPT_NOBREAKS, 0) else {
            throw MarkdownError("cmark-gfm: Markdown rendering failed")
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The heading nodes in document order.
    public var headings: [OpaquePointer] {
        var found: [OpaquePointer] = []
        Self.walk(root) { node in
            if cmark_node_get_type(node) == CMARK_NODE_HEADING { found.append(node) }
        }
        return found
    }

    /// Calls `body` for `node` and each descendant, in document order.
    public static func walk(_ node: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        body(node)
        var child = cmark_node_first_child(node)
        while let current = child {
            walk(current, body)
            child = cmark_node_next(current)
        }
    }

    /// The plain text of a node: its text and code literals concatenated, soft breaks as spaces.
    public static func plainText(of node: OpaquePointer) -> String {
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

    /// A code block of the tree, with 1-based lines of the parsed text.
    public struct CodeBlock: Sendable {
        public var startLine: Int
        public var endLine: Int
        public var fenced: Bool
        public var info: String
        /// Nesting depth: 1 for a block directly in the document.
        public var depth: Int
    }

    /// Every code block (fenced or indented), in document order.
    public func codeBlocks() -> [CodeBlock] {
        var out: [CodeBlock] = []
        func walk(_ node: OpaquePointer, depth: Int) {
            var child = cmark_node_first_child(node)
            while let c = child {
                if cmark_node_get_type(c) == CMARK_NODE_CODE_BLOCK {
                    var length: Int32 = 0
                    var offset: Int32 = 0
                    var character: CChar = 0
                    let fenced = cmark_node_get_fenced(c, &length, &offset, &character) != 0
                    let info = cmark_node_get_fence_info(c).map { String(cString: $0) } ?? ""
                    out.append(
                        CodeBlock(
                            startLine: Int(cmark_node_get_start_line(c)), endLine: Int(cmark_node_get_end_line(c)),
                            fenced: fenced, info: info, depth: depth))
                } else {
                    walk(c, depth: depth + 1)
                }
                child = cmark_node_next(c)
            }
        }
        walk(root, depth: 1)
        return out
    }
}
