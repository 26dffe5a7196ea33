import Foundation
import TestSupport
import XCTest

@testable import Article

/// `--to md` and `--to html-fragment` at the Article level, on the sample Japanese document.
final class ExportTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("article-export-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testMarkdownHasValuesReferencesAsTextTablesAndFigures() throws {
        let markdown = try ArticleWriter().renderMarkdown(SampleDocuments.japanese())
        let expectedPieces = [
            "# Dropoutはなぜ必要?効果を実験で見てみよう\n\n*SHOU · 2025年6月1日*\n\n## はじめに\n\n",
            "結果は 図 1 と 図 2、数値は 表 1 にまとめました。",  // references as text, one line per paragraph
            "`@fig-acc` はコードの中なので置き換えません。",  // code spans untouched
            "(1 番の図)",  // -@fig-acc: the bare number
            "````\n```{model} no_dropout\nInput(shape=(28, 28, 1))\n",  // the directive as written, in a longer fence
            "<details>\n<summary>コードを表示 <code>train no_dropout</code></summary>\n\n````\n```{train} no_dropout\ndata: mnist\n",
            "| Layer (type) | Output Shape | Param # |\n| --- | --- | ---: |\n| conv2d (Conv2D) | (None, 26, 26, 32) | 320 |\n",
            "- Total params: 693,962 (2.65 MB)\n",
            "![エポックごとの精度](figures/accuracy.png)\n\n**図 1:** 精度の推移(**訓練**と検証)",
            "**図 2:** 損失の推移。図 1 と比べてください",
            "**表 1:** 最終エポックの値\n\n| モデル | val_loss | val_accuracy |\n| --- | ---: | ---: |\n| Dropoutなし | 0.0962 | 98.66% |\n",
            "表 1 の通り、Dropout ありの方が val\\_loss が低くなりました。",  // cmark escapes the `_`
            "## 再現のための情報\n\n- **Seed**: 0\n",
        ]
        for piece in expectedPieces {
            XCTAssertTrue(markdown.contains(piece), "missing:\n\(piece)\n--- in ---\n\(markdown)")
        }
        XCTAssertFalse(markdown.contains("epochs: 1"), "echo: false hides the directive")
        XCTAssertFalse(markdown.contains("#|"), "display options are not shown")
        XCTAssertFalse(markdown.contains("@fig-acc と") || markdown.contains("@tbl-"))
        XCTAssertEqual(markdown.components(separatedBy: "\n# ").count, 1, "the title is the only # heading")
    }

    func testWrittenMarkdownRendersWithEveryFigureResolving() throws {
        try ArticleWriter().writeMarkdown(SampleDocuments.japanese(), to: folder, fileName: "article.md")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
            [".nbrun-output", "article.md", "figures"])
        let html = try GitHubMarkdown.html(String(contentsOf: folder.appendingPathComponent("article.md"), encoding: .utf8))
        let sources = GitHubMarkdown.imageSources(html)
        XCTAssertEqual(sources, ["figures/accuracy.png", "figures/loss.png"])
        for source in sources {
            let png = try Data(contentsOf: folder.appendingPathComponent(source))
            XCTAssertNotNil(Figure.pngSize(png), source)
        }
        XCTAssertEqual(GitHubMarkdown.count("<table>", in: html), 2, "model summary and results table are GFM tables")
        XCTAssertTrue(html.contains(#"<td align="right">98.72%</td>"#), html)
    }

    func testFragmentIsOneSelfContainedStyledBody() throws {
        let html = try ArticleWriter().renderFragment(SampleDocuments.japanese())
        XCTAssertTrue(html.hasPrefix(#"<div style=""#), String(html.prefix(80)))
        XCTAssertTrue(html.contains(#"class="article-body nbrun-fragment" lang="ja">"#))
        for absent in ["<html", "<head", "<style", "<link", "<script", "<h1", #"class="toc""#, "<footer"] {
            XCTAssertFalse(html.contains(absent), absent)
        }
        let sources = GitHubMarkdown.imageSources(html)
        XCTAssertEqual(sources.count, 2)
        XCTAssertTrue(sources.allSatisfy { $0.hasPrefix("data:image/png;base64,") })
        XCTAssertTrue(html.contains(#"class="provenance""#), "provenance is part of the body")
        // The page's look travels with the elements: heading rule, code background, table rules, token colours.
        XCTAssertTrue(html.contains("<h2 style=\"line-height: 1.45;"), html)
        XCTAssertTrue(html.contains("border-bottom: 1px solid #d8dee4"))
        XCTAssertTrue(html.contains("background: #f6f8fa"))
        XCTAssertTrue(html.contains(#"style="color: #8250df" class="tok-layer""#))
        XCTAssertFalse(html.contains("var(--"), "custom properties are resolved")
        XCTAssertTrue(html.contains("line-break: strict"), "the Japanese rules apply to a Japanese page")
    }
}
