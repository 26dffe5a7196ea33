import Foundation
import XCTest

@testable import Article

/// Runs external checkers on a written page; each test skips when its tool is missing.
final class HTMLValidationTests: XCTestCase {
    private static let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Support/html_check.py")

    private func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard
            let executable = paths.map({ "\($0)/\(tool)" }).first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private func writeSample(selfContained: Bool) throws -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "article-validate-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: output) }
        try ArticleWriter().write(SampleDocuments.japanese(), to: output, selfContained: selfContained)
        return output.appendingPathComponent("index.html")
    }

    func testStrictParserAcceptsThePage() throws {
        for selfContained in [false, true] {
            let page = try writeSample(selfContained: selfContained)
            guard let result = try run("python3", [Self.checker.path, page.path]) else {
                throw XCTSkip("python3 is not installed: strict HTML check skipped")
            }
            XCTAssertEqual(result.status, 0, "html_check.py found problems:\n\(result.output)")
        }
    }

    func testStrictParserCatchesBrokenMarkup() throws {
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).html")
        addTeardownBlock { try? FileManager.default.removeItem(at: page) }
        try ##"<!DOCTYPE html><html><body><p id="a"><div></p><a href="#nowhere">x</a><p id="a"></body>"##
            .write(to: page, atomically: true, encoding: .utf8)
        guard let result = try run("python3", [Self.checker.path, page.path]) else {
            throw XCTSkip("python3 is not installed: strict HTML check skipped")
        }
        XCTAssertEqual(result.status, 1)
        for expected in ["<div> inside <p>", "</p> closes <div>", "duplicate id 'a'", "link to #nowhere"] {
            XCTAssertTrue(result.output.contains(expected), "missing '\(expected)' in:\n\(result.output)")
        }
    }

    /// libxml2's HTML parser (Debian libxml2-utils) predates HTML5 elements; it is used for its
    /// well-formedness errors, with "Tag <html5 element> invalid" messages filtered out.
    func testXmllintAcceptsThePage() throws {
        let page = try writeSample(selfContained: false)
        guard let result = try run("xmllint", ["--html", "--noout", page.path]) else {
            throw XCTSkip("xmllint is not installed (apt-get install libxml2-utils): check skipped")
        }
        let html5 = [
            "nav", "main", "header", "footer", "section", "figure", "figcaption", "time", "details", "summary",
        ]
        let problems = result.output.split(separator: "\n").filter { line in
            line.contains("error") && !html5.contains { line.contains("Tag \($0) invalid") }
        }
        XCTAssertEqual(problems, [], result.output)
    }
}
