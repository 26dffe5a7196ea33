import CCmarkGFM

/// A Markdown document parsed by cmark-gfm with the table, strikethrough and autolink
/// extensions; owns the node tree and frees it in `deinit`.
final class MarkdownDocument {
    /// A code block found in the tree, with 1-based notebook lines.
    struct CodeBlock {
        var startLine: Int
        var endLine: Int
        var fenced: Bool
        var info: String
        /// Nesting depth: 1 for a block directly in the document.
        var depth: Int
    }

    private let root: OpaquePointer

    /// Parses `text`; returns nil only if cmark-gfm fails to allocate.
    init?(_ text: String) {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let ext = cmark_find_syntax_extension(name) {
                _ = cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                cmark_parser_feed(parser, $0, buf.count)
            }
        }
        guard let doc = cmark_parser_finish(parser) else { return nil }
        root = doc
    }

    deinit { cmark_node_free(root) }

    /// Every code block (fenced or indented), in document order.
    func codeBlocks() -> [CodeBlock] {
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
                            startLine: Int(cmark_node_get_start_line(c)),
                            endLine: Int(cmark_node_get_end_line(c)),
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
