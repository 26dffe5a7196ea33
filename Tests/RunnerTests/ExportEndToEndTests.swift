import Foundation
import TestSupport
import XCTest

/// `--to md` and `--to html-fragment` through the real CLI on the small fixture notebook.
final class ExportEndToEndTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws {
        harness = try CommandLineHarness()
    }

    override func tearDown() {
        harness.cleanUp()
    }

    func testMarkdownExportRendersWithEveryFigureBesideIt() throws {
        let notebook = try harness.notebook()
        let html = try harness.run([notebook.path, "--quiet"] + harness.fixtureArguments)
        XCTAssertEqual(html.status, 0, html.stderr)
        let outcome = try harness.run([notebook.path, "--to", "md", "--quiet"] + harness.fixtureArguments)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let folder = harness.folder.appendingPathComponent("output/small-md")
        let markdown = try String(contentsOf: folder.appendingPathComponent("small.md"), encoding: .utf8)
        // Echoed directives show their source as written (`"{{ run... }}"` cells); everything else is values.
        let prose = markdown.replacingOccurrences(of: "````\n[\\s\\S]*?\n````", with: "", options: .regularExpression)
        XCTAssertTrue(markdown.contains("{{ run.history.val_accuracy.last"), "the table directive is echoed")
        XCTAssertFalse(prose.contains("{{"), "unreplaced inline value")
        XCTAssertFalse(markdown.contains("@fig-") || markdown.contains("@tbl-"), "unresolved reference")
        XCTAssertTrue(markdown.contains("(Figure 2, Table 1)"), "cross-references as text")

        let rendered = try GitHubMarkdown.html(markdown)
        let sources = GitHubMarkdown.imageSources(rendered)
        XCTAssertEqual(sources.count, 4, rendered)
        for source in sources {
            XCTAssertTrue(source.hasPrefix("figures/"), source)
            let png = try Data(contentsOf: folder.appendingPathComponent(source))
            XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], source)
        }
        XCTAssertTrue(rendered.contains("<th>Metric</th>"), "the results table is a GFM table")
        XCTAssertFalse(markdown.contains("```{train} run"), "`echo: false` hides that directive")
        XCTAssertTrue(markdown.contains("```{train} baseline"))
        XCTAssertTrue(
            FileManager.default.fileExists(
                atPath: harness.folder.appendingPathComponent("output/small/index.html").path),
            "the Markdown export leaves the HTML page alone")
    }

    func testFragmentIsOneFileWithNoExternalReference() throws {
        let notebook = try harness.notebook()
        let outcome = try harness.run([notebook.path, "--to", "html-fragment", "--quiet"] + harness.fixtureArguments)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: harness.folder.appendingPathComponent("output").path),
            ["small-fragment.html"])
        let html = try String(
            contentsOf: harness.folder.appendingPathComponent("output/small-fragment.html"), encoding: .utf8)
        let sources = GitHubMarkdown.imageSources(html)
        XCTAssertEqual(sources.count, 4)
        XCTAssertTrue(sources.allSatisfy { $0.hasPrefix("data:image/png;base64,") }, "\(sources.map { $0.prefix(30) })")
        XCTAssertFalse(html.contains(#"src="http"#))
        for absent in ["<link", "<script", "<style", "url("] { XCTAssertFalse(html.contains(absent), absent) }
        let prose = html.replacingOccurrences(of: "<pre[^>]*>[\\s\\S]*?</pre>", with: "", options: .regularExpression)
        XCTAssertFalse(prose.contains("{{"), "unreplaced inline value")
    }

    func testSelfContainedGoesWithHTMLOnly() throws {
        let notebook = try harness.notebook()
        let outcome = try harness.run([notebook.path, "--to", "md", "--self-contained"] + harness.fixtureArguments)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("--self-contained applies to --to html only"), outcome.stderr)
        let unknown = try harness.run([notebook.path, "--to", "pdf"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("html-fragment"), "the error lists the formats: \(unknown.stderr)")
    }
}
