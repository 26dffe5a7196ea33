import CCmarkGFM
import Markdown

extension MarkdownTree {
    /// Replaces `@fig-x` / `@tbl-x` in text nodes by links to the labelled figure or table.
    ///
    /// Text inside code spans and code blocks is untouched (those are not text nodes), and so is text
    /// already inside a link or image (autolinked e-mail addresses, link texts). Adjacent text nodes are
    /// merged first, because cmark splits `[` and `]` into nodes of their own.
    /// With `asText`, a reference becomes its plain text (`Figure 2`) instead of a link (Markdown export).
    func resolveCrossReferences(_ references: CrossReferences, asText: Bool = false) {
        Self.resolve(in: root, references, asText: asText)
    }

    private static func resolve(in parent: OpaquePointer, _ references: CrossReferences, asText: Bool) {
        var child = cmark_node_first_child(parent)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT {
                var run = [current]
                var next = cmark_node_next(current)
                while let node = next, cmark_node_get_type(node) == CMARK_NODE_TEXT {
                    run.append(node)
                    next = cmark_node_next(node)
                }
                replace(run, references, asText: asText)
                child = next
                continue
            }
            if type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE {
                resolve(in: current, references, asText: asText)
            }
            child = cmark_node_next(current)
        }
    }

    /// Rewrites one run of sibling text nodes when it holds at least one known reference.
    private static func replace(_ run: [OpaquePointer], _ references: CrossReferences, asText: Bool) {
        let text = run.map { cmark_node_get_literal($0).map { String(cString: $0) } ?? "" }.joined()
        guard text.contains("@") else { return }
        let pieces = CrossReferenceScanner.split(text, references: references)
        guard pieces.contains(where: { if case .link = $0 { return true } else { return false } }) else { return }
        let anchor = run[0]
        for piece in pieces {
            switch piece {
            case .text(let string):
                guard let node = makeText(string) else { continue }
                cmark_node_insert_before(anchor, node)
            case .link(_, let label) where asText:
                guard let node = makeText(label) else { continue }
                cmark_node_insert_before(anchor, node)
            case .link(let url, let label):
                guard let link = cmark_node_new(CMARK_NODE_LINK) else { continue }
                cmark_node_set_url(link, url)
                if let textNode = makeText(label) { cmark_node_append_child(link, textNode) }
                cmark_node_insert_before(anchor, link)
            }
        }
        for node in run { cmark_node_free(node) }  // cmark_node_free unlinks first
    }

    private static func makeText(_ string: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, string)
        return node
    }
}
