import Foundation
import XCTest

@testable import Article

final class AtomicWriteTests: XCTestCase {
    private var parent: URL!

    override func setUpWithError() throws {
        parent = FileManager.default.temporaryDirectory.appendingPathComponent("article-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: parent)
    }

    private func files(_ url: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        return (enumerator?.allObjects as? [String] ?? []).sorted()
    }

    func testRewriteReplacesFiguresAndLeavesNoStagingFolders() throws {
        let output = parent.appendingPathComponent("out")
        let writer = try ArticleWriter()
        var document = SampleDocuments.japanese()
        try writer.write(document, to: output)
        XCTAssertEqual(
            try files(output), [".nbrun-output", "figures", "figures/accuracy.png", "figures/loss.png", "index.html"])

        // Second run without the loss figure: the old PNG must not survive.
        document.blocks.removeAll {
            if case .figure(let f) = $0 { return f.fileName == "loss.png" } else { return false }
        }
        try writer.write(document, to: output)
        XCTAssertEqual(try files(output), [".nbrun-output", "figures", "figures/accuracy.png", "index.html"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent.path), ["out"])

        // Self-contained run: only the page remains.
        try writer.write(document, to: output, selfContained: true)
        XCTAssertEqual(try files(output), [".nbrun-output", "index.html"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent.path), ["out"])
    }

    func testFailedRunLeavesThePreviousPage() throws {
        let output = parent.appendingPathComponent("out")
        let writer = try ArticleWriter()
        try writer.write(SampleDocuments.japanese(), to: output)
        let before = try Data(contentsOf: output.appendingPathComponent("index.html"))

        var broken = SampleDocuments.japanese()
        broken.blocks.append(.table(ResultTable(label: "fig-acc", columns: ["x"], rows: [])))  // duplicate label
        XCTAssertThrowsError(try writer.write(broken, to: output))
        XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("index.html")), before)
        XCTAssertEqual(
            try files(output), [".nbrun-output", "figures", "figures/accuracy.png", "figures/loss.png", "index.html"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent.path), ["out"])
    }

    func testRefusesToReplaceAFolderWithOtherFiles() throws {
        let output = parent.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: output.appendingPathComponent("notes.txt"))
        XCTAssertThrowsError(try ArticleWriter().write(SampleDocuments.japanese(), to: output)) { error in
            XCTAssertEqual(
                (error as? ArticleError)?.message,
                """
                refusing to replace \(output.path): it holds files the article writer did not make \
                (notes.txt); choose an empty or new output folder
                """)
        }
        XCTAssertEqual(try files(output), ["notes.txt"])
    }

    func testCreatesMissingParents() throws {
        let output = parent.appendingPathComponent("a/b/c")
        try ArticleWriter().write(ArticleDocument(title: "T"), to: output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    func testFallbackWithoutExchangeReplacesTheFolder() throws {
        let output = parent.appendingPathComponent("out")
        for content in ["first", "second"] {
            try OutputFolder.replace(output, allowExchange: false) { staging in
                try Data(content.utf8).write(to: staging.appendingPathComponent("index.html"))
            }
        }
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8), "second")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent.path), ["out"])
    }

    func testFailureWhileFillingRemovesTheStagingFolder() throws {
        let output = parent.appendingPathComponent("out")
        struct Boom: Error {}
        XCTAssertThrowsError(
            try OutputFolder.replace(output) { staging in
                try Data("half".utf8).write(to: staging.appendingPathComponent("index.html"))
                throw Boom()
            })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent.path), [])
    }
}
