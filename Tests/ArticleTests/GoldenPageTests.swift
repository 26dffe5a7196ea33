import Foundation
import XCTest

@testable import Article

/// Compares the body of a small rendered page with a committed golden file.
///
/// Re-record after an intended change with `ARTICLE_RECORD_GOLDEN=1 swift test --filter GoldenPageTests`
/// and review the diff in git. Only `<body>` is compared, so stylesheet edits do not touch the golden.
final class GoldenPageTests: XCTestCase {
    private static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/small-en.body.html")

    static let document = ArticleDocument(
        title: "A small article",
        author: "Test Author",
        date: "2026-11-23",
        lang: "en",
        blocks: [
            .markdown(
                "## Setup\n\nWe train a model; see @fig-curve and [@tbl-scores].\n\n### Data\n\nMNIST ~~digits~~."),
            .code(CodeEcho(kind: "train", id: "base", source: "```{train} base\nepochs: 2  # short\n```")),
            .modelSummary(
                ModelSummary(
                    modelName: "base",
                    rows: [
                        ModelSummaryRow(layer: "dense (Dense)", outputShape: "(None, 10)", parameters: 7_850)
                    ], totalParameters: 7_850)),
            .figure(
                Figure(
                    label: "fig-curve", caption: "Loss per *epoch*", fileName: "curve.png",
                    png: TinyPNG.make(width: 4, height: 2), alt: "loss curve", pixelWidth: 4, pixelHeight: 2)),
            .table(
                ResultTable(
                    label: "tbl-scores", caption: "Scores", columns: ["model", "accuracy"],
                    rows: [["base", "0.9210"]], numericColumns: [1])),
            .markdown("## Results\n\nSee -@fig-curve."),
        ],
        provenance: [ProvenanceItem(label: "Seed", value: "0")])

    func testBodyMatchesGolden() throws {
        let html = try ArticleWriter().render(Self.document)
        guard let start = html.range(of: "<body>"), let end = html.range(of: "</body>") else {
            return XCTFail("no <body> in the page")
        }
        let body = String(html[start.lowerBound..<end.upperBound]) + "\n"
        if ProcessInfo.processInfo.environment["ARTICLE_RECORD_GOLDEN"] != nil {
            try FileManager.default.createDirectory(
                at: Self.golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try body.write(to: Self.golden, atomically: true, encoding: .utf8)
            throw XCTSkip("recorded \(Self.golden.path)")
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        guard body != expected else { return }
        let actualLines = body.components(separatedBy: "\n")
        let expectedLines = expected.components(separatedBy: "\n")
        let index =
            (0..<min(actualLines.count, expectedLines.count)).first { actualLines[$0] != expectedLines[$0] }
            ?? min(actualLines.count, expectedLines.count)
        func line(_ lines: [String]) -> String { index < lines.count ? lines[index] : "<end of file>" }
        XCTFail(
            """
            page body differs from \(Self.golden.lastPathComponent) at line \(index + 1):
              expected: \(line(expectedLines))
              actual:   \(line(actualLines))
            re-record with ARTICLE_RECORD_GOLDEN=1 if the change is intended
            """)
    }
}
