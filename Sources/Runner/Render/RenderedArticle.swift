import Article

/// The render stage's value: the article (without its provenance, which the write stage adds)
/// and every number it shows, in document order.
struct RenderedArticle {
    let document: ArticleDocument
    let shown: [ShownNumber]
}
