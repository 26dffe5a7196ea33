import XCTest

@testable import Article

final class CrossReferenceScannerTests: XCTestCase {
    private var references: CrossReferences {
        var refs = CrossReferences()
        try! refs.add(label: "fig-acc", prefix: "図", number: 1)
        try! refs.add(label: "fig-loss.v2", prefix: "図", number: 2)
        try! refs.add(label: "tbl-results", prefix: "表", number: 1)
        return refs
    }

    /// Renders the pieces compactly: links as [text](#id).
    private func render(_ text: String) -> String {
        CrossReferenceScanner.split(text, references: references).map { piece in
            switch piece {
            case .text(let string): return string
            case .link(let url, let text): return "[\(text)](\(url))"
            }
        }.joined()
    }

    func testTable() {
        let cases: [(String, String)] = [
            ("@fig-acc", "[図 1](#fig-acc)"),
            ("see @fig-acc.", "see [図 1](#fig-acc)."),
            ("結果は@fig-accの通り", "結果は[図 1](#fig-acc)の通り"),
            ("(@fig-acc, @tbl-results)", "([図 1](#fig-acc), [表 1](#tbl-results))"),
            ("[@fig-acc]", "[図 1](#fig-acc)"),
            ("図 -@fig-acc 参照", "図 [1](#fig-acc) 参照"),
            ("@fig-loss.v2 and @fig-loss.", "[図 2](#fig-loss.v2) and @fig-loss."),
            ("shou@fig-acc.com", "shou@fig-acc.com"),
            ("a.b@fig-acc", "a.b@fig-acc"),
            ("x-@fig-acc", "x-@fig-acc"),
            ("@fig-unknown stays", "@fig-unknown stays"),
            ("@fig- alone", "@fig- alone"),
            ("@sec-intro is not ours", "@sec-intro is not ours"),
            ("@@fig-acc", "@@fig-acc"),
            ("@fig-acc-", "[図 1](#fig-acc)-"),
            ("@Fig-acc shows", "[図 1](#fig-acc) shows"),
            ("(@Tbl-results)", "([表 1](#tbl-results))"),
            ("no references here", "no references here"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(render(input), expected, "input: \(input)")
        }
    }

    func testReferencesInsideCodeAndLinksAreUntouched() throws {
        var figure = Figure(
            label: "fig-acc", fileName: "a.png", png: TinyPNG.make(width: 2, height: 2), alt: "a",
            pixelWidth: 2, pixelHeight: 2)
        figure.caption = "caption"
        let markdown = """
            Inline `@fig-acc`, a [link about @fig-acc](https://example.com), mail me@fig-acc.org,
            and *emphasised @fig-acc*.

            ```
            @fig-acc in a code block
            ```
            """
        let html = try ArticleWriter().render(
            ArticleDocument(title: "T", blocks: [.markdown(markdown), .figure(figure)]))
        XCTAssertTrue(html.contains("<code>@fig-acc</code>"))
        XCTAssertTrue(html.contains(#"<a href="https://example.com">link about @fig-acc</a>"#))
        XCTAssertTrue(html.contains("me@fig-acc.org"))
        XCTAssertTrue(html.contains(##"<em>emphasised <a href="#fig-acc">Figure 1</a></em>"##))
        XCTAssertTrue(html.contains("<pre><code>@fig-acc in a code block\n</code></pre>"))
    }
}
