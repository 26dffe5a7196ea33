import Foundation
import XCTest

@testable import Article

final class TemplateTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "article-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testUserTemplateSeesTheDocumentVariables() throws {
        let url = directory.appendingPathComponent("page.mustache")
        try """
        <html lang="{{lang}}"><title>{{title}}</title>
        {{#blocks}}[{{kind}}{{#isFigure}}!{{/isFigure}}]{{/blocks}}
        {{#toc}}<{{id}}:{{text}}>{{/toc}}
        {{#provenance}}{{label}}={{value}};{{/provenance}}
        {{> provenance}}
        </html>
        """.write(to: url, atomically: true, encoding: .utf8)
        let html = try ArticleWriter(templateURL: url).render(SampleDocuments.japanese())
        XCTAssertTrue(html.hasPrefix(#"<html lang="ja"><title>Dropoutはなぜ必要?効果を実験で見てみよう</title>"#))
        XCTAssertTrue(
            html.contains("[markdown][code][modelSummary][code][markdown][figure!][figure!][table][markdown]"))
        XCTAssertTrue(html.contains("<はじめに:はじめに><モデル:モデル><結果:結果>"))
        XCTAssertTrue(html.contains("Seed=0;"))
        XCTAssertTrue(html.contains(#"<section class="provenance""#), "default partials stay available")
    }

    func testPartialBesideTheUserTemplateReplacesTheDefault() throws {
        let url = directory.appendingPathComponent("page.mustache")
        try "{{{body}}}".write(to: url, atomically: true, encoding: .utf8)
        try #"<p class="fig">{{numberText}} {{fileName}}</p>"#.write(
            to: directory.appendingPathComponent("figure.mustache"), atomically: true, encoding: .utf8)
        let html = try ArticleWriter(templateURL: url).render(SampleDocuments.japanese())
        XCTAssertTrue(html.contains(#"<p class="fig">図 1 accuracy.png</p>"#))
        XCTAssertTrue(html.contains(#"<p class="fig">図 2 loss.png</p>"#))
    }

    func testBrokenTemplateIsAnArticleErrorWithItsLocation() throws {
        let url = directory.appendingPathComponent("broken.mustache")
        try "<html>\n<body>{{#blocks}}\n{{html}}\n{{/block}}</body>".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ArticleWriter(templateURL: url)) { error in
            guard let error = error as? ArticleError else { return XCTFail("not an ArticleError: \(error)") }
            XCTAssertTrue(error.message.hasPrefix(url.path + ":4:"), error.message)
            XCTAssertTrue(error.message.contains("template does not parse"), error.message)
        }
    }

    func testMissingTemplateIsAnArticleError() {
        let url = directory.appendingPathComponent("missing.mustache")
        XCTAssertThrowsError(try ArticleWriter(templateURL: url)) { error in
            XCTAssertTrue(
                (error as? ArticleError)?.message.hasPrefix("template \(url.path): cannot read it") ?? false, "\(error)"
            )
        }
    }

    func testDefaultTemplateLeavesNoTagsAndInlinesTheStylesheet() throws {
        let html = try ArticleWriter().render(ArticleDocument(title: "Empty", lang: "en"))
        XCTAssertFalse(html.contains("{{"))
        XCTAssertTrue(html.contains("<style>"))
        XCTAssertTrue(html.contains("font-family: var(--font-sans)"))
        XCTAssertFalse(html.contains(#"<nav class="toc""#), "no table of contents without headings")
        XCTAssertFalse(html.contains(#"class="byline""#), "no byline without author and date")
        XCTAssertFalse(html.contains(#"class="provenance""#))
    }

    func testCopiedDefaultTemplateRendersTheSamePage() throws {
        try ArticleWriter.writeDefaultTemplates(to: directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        XCTAssertEqual(
            names,
            [
                "article.mustache", "code.mustache", "figure.mustache", "fragment.mustache",
                "model-summary.mustache", "provenance.mustache", "style.css", "table.mustache", "toc.mustache",
            ])
        let copied = try ArticleWriter(templateURL: directory.appendingPathComponent("article.mustache"))
        XCTAssertEqual(
            try copied.render(SampleDocuments.japanese()), try ArticleWriter().render(SampleDocuments.japanese()))
    }

    /// The templates compiled into the binary are the files of `Sources/Article/Templates`, byte for byte,
    /// and every file there is compiled in.
    func testEmbeddedTemplatesAreTheRepositoryFiles() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Article/Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(names, DefaultTemplates.files.keys.sorted())
        for name in names {
            let onDisk = try Data(contentsOf: folder.appendingPathComponent(name))
            XCTAssertEqual(Data(DefaultTemplates.files[name] ?? []), onDisk, name)
        }
    }
}
