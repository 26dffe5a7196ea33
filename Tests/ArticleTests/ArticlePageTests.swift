import Foundation
import XCTest

@testable import Article

/// Renders the sample Japanese document and checks the page structurally.
final class ArticlePageTests: XCTestCase {
    private var tempDirectory: URL!

    override func setUpWithError() throws {
        tempDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("article-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tempDirectory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: tempDirectory)
    }

    func testWrittenPageIsStructurallySound() throws {
        let output = tempDirectory.appendingPathComponent("dropout")
        try ArticleWriter().write(SampleDocuments.japanese(), to: output)
        let html = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        let page = PageInspector(html: html)

        XCTAssertEqual(page.htmlLang, "ja")
        XCTAssertEqual(page.headings(level: 1), ["Dropoutはなぜ必要?効果を実験で見てみよう"])
        XCTAssertEqual(page.headings(level: 2), ["はじめに", "モデル", "結果", "再現のための情報"])
        XCTAssertEqual(page.headings(level: 3), ["Dropoutなし", "まとめ"])
        XCTAssertTrue(html.contains(##"<time datetime="2025-06-01">2025年6月1日</time>"##))

        // Every image resolves to a file that exists beside the page.
        XCTAssertEqual(page.imageSources, ["figures/accuracy.png", "figures/loss.png"])
        for source in page.imageSources {
            XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(source).path), source)
        }
        XCTAssertTrue(html.contains(##"width="4" height="3""##), "display size halves the 8x6 PNG")

        // Numbered captions, and every in-page link has a target.
        XCTAssertEqual(page.figureCaptionNumbers, ["図 1", "図 2"])
        XCTAssertEqual(page.tableCaptionNumbers, ["表 1"])
        XCTAssertEqual(Set(page.ids).count, page.ids.count, "ids are unique")
        for fragment in page.fragmentLinks {
            XCTAssertTrue(page.ids.contains(fragment), "#\(fragment) has no target")
        }
        XCTAssertTrue(html.contains(##"<a href="#fig-acc">図 1</a>"##))
        XCTAssertTrue(html.contains(##"<a href="#fig-loss">図 2</a>"##))
        XCTAssertTrue(html.contains(##"<a href="#tbl-results">表 1</a> の通り"##), "[@tbl-results] drops brackets")
        XCTAssertTrue(html.contains(##"(<a href="#fig-acc">1</a> 番の図)"##), "-@fig-acc gives the bare number")
        XCTAssertTrue(html.contains(##"<code>@fig-acc</code>"##), "code spans are untouched")
        XCTAssertTrue(html.contains("shou@example.com"), "e-mail addresses are untouched")

        // Table of contents, code echo, summary, provenance.
        XCTAssertTrue(html.contains(##"<nav class="toc""##))
        XCTAssertTrue(html.contains(##"<span class="tok-layer">Conv2D</span>"##))
        XCTAssertTrue(html.contains(##"<span class="tok-key">epochs</span>"##))
        XCTAssertFalse(html.contains("echo: true"), "#| option lines are not echoed")
        XCTAssertFalse(html.contains(##"data-kind="train">\##n<pre class="code"><code>epochs: 1"##))
        XCTAssertEqual(page.matches(##"<details class="code-echo""##, group: 0).count, 1)
        XCTAssertTrue(html.contains("693,962 (2.65 MB)"))
        XCTAssertTrue(html.contains("<td class=\"num\">692,352</td>"))
        XCTAssertTrue(html.contains("06e64b0bf65de89c522348319ce5f63f43fb1cb40e1ce3c2ff43c1d3b8a0e14c"))

        // Nothing left unreplaced.
        XCTAssertFalse(html.contains("{{"), "unreplaced Mustache tag")
        XCTAssertFalse(html.contains("}}"), "unreplaced Mustache tag")
        XCTAssertFalse(html.contains("@fig-") && !html.contains("<code>@fig-acc</code>"))
        XCTAssertEqual(html.components(separatedBy: "@fig-").count - 1, 1, "only the code span keeps @fig-")
        XCTAssertFalse(html.contains("@tbl-"))
    }

    func testSelfContainedPageHasNothingExternal() throws {
        let output = tempDirectory.appendingPathComponent("single")
        try ArticleWriter().write(SampleDocuments.japanese(), to: output, selfContained: true)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: output.path).sorted(), [".nbrun-output", "index.html"])
        let html = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        let page = PageInspector(html: html)
        XCTAssertEqual(page.imageSources.count, 2)
        for source in page.imageSources {
            XCTAssertTrue(source.hasPrefix("data:image/png;base64,"))
            let decoded = Data(base64Encoded: String(source.dropFirst("data:image/png;base64,".count)))
            XCTAssertNotNil(decoded.flatMap(Figure.pngSize), "inlined data is the PNG")
        }
        let external = page.matches(##"(?:src|href)="((?!#|data:|mailto:)[^"]*)""##)
        XCTAssertEqual(external, [], "no external resources")
        XCTAssertFalse(html.contains("<link"))
        XCTAssertFalse(html.contains("<script"))
    }

    func testEnglishPageUsesEnglishCaptions() throws {
        var document = SampleDocuments.japanese()
        document.lang = "en"
        document.date = "2025-06-01"
        let html = try ArticleWriter().render(document)
        let page = PageInspector(html: html)
        XCTAssertEqual(page.htmlLang, "en")
        XCTAssertEqual(page.figureCaptionNumbers, ["Figure 1", "Figure 2"])
        XCTAssertEqual(page.tableCaptionNumbers, ["Table 1"])
        XCTAssertTrue(html.contains(##"<a href="#fig-acc">Figure 1</a>"##))
        XCTAssertTrue(html.contains("June 1, 2025"))
    }

    func testUnsafeInputIsEscaped() throws {
        let document = ArticleDocument(
            title: "<script>alert(1)</script> & co",
            lang: "en",
            blocks: [
                .markdown("Raw <script>alert(2)</script> and <b>bold</b>. [x](javascript:alert(3))"),
                .table(ResultTable(columns: ["<th>"], rows: [["a & b"]])),
                .figure(
                    Figure(
                        caption: "<img src=x onerror=alert(4)>", fileName: "a b.png",
                        png: TinyPNG.make(width: 2, height: 2), alt: "\"quoted\"", pixelWidth: 2, pixelHeight: 2)),
            ])
        let html = try ArticleWriter().render(document)
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("alert(3)"))
        XCTAssertFalse(html.contains("onerror=alert(4)>"))
        XCTAssertTrue(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>"))
        XCTAssertTrue(html.contains("<td>a &amp; b</td>"))
        XCTAssertTrue(html.contains(##"alt="&quot;quoted&quot;""##))
        XCTAssertTrue(html.contains(##"src="figures/a%20b.png""##))
        XCTAssertEqual(PageInspector(html: html).figureCaptionNumbers, ["Figure 1"])
    }

    func testHashHeadingsAreShiftedBelowTheTitle() throws {
        let document = ArticleDocument(title: "T", blocks: [.markdown("# One\n\n## Two\n\n# One")])
        let page = PageInspector(html: try ArticleWriter().render(document))
        XCTAssertEqual(page.headings(level: 1), ["T"])
        XCTAssertEqual(page.headings(level: 2), ["One", "One"])
        XCTAssertEqual(page.headings(level: 3), ["Two"])
        XCTAssertTrue(page.ids.contains("one") && page.ids.contains("one-1") && page.ids.contains("two"))
    }

    func testModelSummaryMatchesKerasTotals() throws {
        let summary = ModelSummary(
            modelName: "m", rows: SampleDocuments.summaryRows, totalParameters: 693_962,
            trainableParameters: 693_642)
        let html = try ArticleWriter().render(ArticleDocument(title: "T", blocks: [.modelSummary(summary)]))
        XCTAssertTrue(html.contains(##"Model: "m""##) || html.contains("Model: &quot;m&quot;"))
        XCTAssertTrue(html.contains("693,962 (2.65 MB)"))
        XCTAssertTrue(html.contains("693,642 (2.65 MB)"))
        XCTAssertTrue(html.contains("320 (1.25 KB)"))
        XCTAssertEqual(PageBuilder.memorySize(bytes: 1000), "1000.00 B")
        XCTAssertEqual(PageBuilder.memorySize(bytes: 5160), "5.04 KB")
    }

    func testErrorsAreReported() throws {
        let png = TinyPNG.make(width: 2, height: 2)
        let figure = Figure(label: "fig-a", fileName: "a.png", png: png, alt: "", pixelWidth: 2, pixelHeight: 2)
        let cases: [([ArticleBlock], String)] = [
            (
                [.figure(figure), .figure(figure)],
                "two figures are both named 'a.png': figure file names must be unique"
            ),
            (
                [.figure(figure), .table(ResultTable(label: "fig-a", columns: ["x"], rows: []))],
                "duplicate label 'fig-a': each figure and table label must be unique"
            ),
            (
                [.figure(Figure(fileName: "../a.png", png: png, alt: "", pixelWidth: 2, pixelHeight: 2))],
                "figure file name '../a.png' must be a plain file name such as 'accuracy.png' (no folders, not hidden)"
            ),
            (
                [.table(ResultTable(columns: ["x"], rows: [["1", "2"]]))],
                "table table-1: row 1 has 2 cells but the table has 1 columns"
            ),
            (
                [.figure(Figure(label: "fig a", fileName: "b.png", png: png, alt: "", pixelWidth: 2, pixelHeight: 2))],
                "label 'fig a' is not usable as an id: use letters, digits, '-', '_' (e.g. fig-accuracy)"
            ),
        ]
        for (blocks, message) in cases {
            XCTAssertThrowsError(try ArticleWriter().render(ArticleDocument(title: "T", blocks: blocks))) { error in
                XCTAssertEqual((error as? ArticleError)?.message, message)
            }
        }
    }

    func testPNGSizeIsReadFromTheHeader() throws {
        let size = Figure.pngSize(TinyPNG.make(width: 13, height: 7))
        XCTAssertEqual(size?.width, 13)
        XCTAssertEqual(size?.height, 7)
        XCTAssertNil(Figure.pngSize(Data("not a png at all, clearly not".utf8)))
        let figure = try Figure(fileName: "x.png", png: TinyPNG.make(width: 13, height: 7), alt: "x")
        XCTAssertEqual(figure.pixelWidth, 13)
        XCTAssertThrowsError(try Figure(fileName: "x.png", png: Data([1, 2, 3]), alt: "x"))
    }
}
