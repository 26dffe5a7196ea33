import Foundation

/// Everything the article page shows, in reading order.
///
/// The document is plain data: prose as Markdown (inline values already substituted by the caller),
/// figures as PNG bytes, tables as strings. `ArticleWriter` turns it into HTML.
public struct ArticleDocument: Sendable {
    /// Page title, shown as the single `<h1>` and in `<title>`.
    public var title: String
    /// Author line under the title; omitted when nil or empty.
    public var author: String?
    /// Date as written in the front matter. An ISO date (`2026-11-23`) is shown in the page's language
    /// (`2026年11月23日`, `November 23, 2026`) inside a `<time datetime>`; anything else is shown as is.
    public var date: String?
    /// BCP 47 language tag for `<html lang>` (`ja`, `en`, `ja-JP`). Tags starting with `ja` get Japanese
    /// captions (図 1, 表 1) and labels; every other tag gets English ones.
    public var lang: String
    /// The body, in order.
    public var blocks: [ArticleBlock]
    /// Label/value pairs shown in the provenance section at the end (seed, checksums, engine, CPU, ...).
    public var provenance: [ProvenanceItem]

    public init(
        title: String, author: String? = nil, date: String? = nil, lang: String = "en",
        blocks: [ArticleBlock] = [], provenance: [ProvenanceItem] = []
    ) {
        self.title = title
        self.author = author
        self.date = date
        self.lang = lang
        self.blocks = blocks
        self.provenance = provenance
    }
}
