import Foundation
import XCTest

@testable import NotebookFormat

/// Issue 18 at the parser: bounded diagnostics, fences that hide directives, ids, test splits.
final class ReliabilityFormatTests: XCTestCase {
    private let base = MalformedNotebookTests.base

    /// A line of 2,000 `<` in a model gives at most three errors and a count, not 2,001 quoting it.
    func testErrorsPerLineAreBounded() {
        let line = String(repeating: "<", count: 2000)
        let text = base.replacingOccurrences(of: "Flatten()\n", with: "Flatten()\n\(line)\n")
        let started = Date()
        let list = parseList(text)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "parse took too long")
        let onLine = list.diagnostics.filter { $0.location.line == 14 }
        XCTAssertEqual(onLine.count, DiagnosticCollector.perLine + 1, list.description.prefix(2000).description)
        XCTAssertTrue(onLine.last!.message.hasPrefix("… and "), onLine.last!.message)
        XCTAssertTrue(onLine.last!.message.hasSuffix(" more errors on this line, not shown"), onLine.last!.message)
        XCTAssertEqual(list.total, list.diagnostics.count - 1 + Int(onLine.last!.message.split(separator: " ")[2])!)
        XCTAssertLessThan(list.description.utf8.count, 20_000)
    }

    /// Hundreds of bad lines give at most ``DiagnosticList/limit`` errors and one closing count.
    func testErrorsPerFileAreBounded() {
        let bad = (1...300).map { "{{ nothing_\($0).x }}" }.joined(separator: "\n\n")
        let list = parseList(base + "\n" + bad + "\n")
        XCTAssertEqual(list.total, 300)
        XCTAssertEqual(list.diagnostics.count, DiagnosticList.limit + 1)
        XCTAssertEqual(list.diagnostics.last!.message, "… and 250 more errors in this file, not shown")
        XCTAssertTrue(list.description.hasSuffix("\n300 errors"))
    }

    /// A line of `{` or `{{` in prose costs linear time and bounded output.
    func testBracesInProseAreLinearAndBounded() {
        for line in [String(repeating: "{", count: 40_000), String(repeating: "{{", count: 40_000)] {
            let started = Date()
            let list = parseList(base + "\n" + line + "\n")
            XCTAssertLessThan(Date().timeIntervalSince(started), 5)
            XCTAssertLessThanOrEqual(list.diagnostics.count, DiagnosticCollector.perLine + 1)
        }
    }

    func testUnclosedFenceWarnsAndCountsTheDirectivesItHides() throws {
        let text = base.replacingOccurrences(of: "```{evaluate} e", with: "````python\nx = 1\n```{evaluate} e")
        let notebook = try XCTUnwrap(parseOK(text))
        XCTAssertEqual(
            notebook.warnings,
            [
                "t.md:26:1: warning: this code block is never closed; 1 directive after it is not run "
                    + "(close it with a line ````)"
            ])
        XCTAssertNil(notebook.directive("e", kind: .evaluate))
    }

    func testCodeBlockSwallowingADirectiveHeaderWarns() throws {
        let text = base.replacingOccurrences(of: "```{evaluate} e", with: "```python\nx = 1\n```{evaluate} e")
        let notebook = try XCTUnwrap(parseOK(text))
        XCTAssertEqual(
            notebook.warnings,
            [
                "t.md:26:1: warning: this code block is still open at line 28, so the directive `{evaluate} e` "
                    + "there is read as code and not run (close it with a line ``` before line 28)"
            ])
        // A shorter fence inside a longer closed one is an example, not a mistake.
        let example = base + "\n````markdown\n```{train} x\n```\n````\n"
        XCTAssertEqual(try XCTUnwrap(parseOK(example)).warnings, [])
        XCTAssertEqual(try XCTUnwrap(parseOK(base)).warnings, [])
    }

    func testEmptyNotebookWarns() throws {
        for text in ["", "---\ntitle: Only a title\n---\n", "\n\n"] {
            let notebook = try XCTUnwrap(parseOK(text))
            XCTAssertEqual(notebook.warnings.count, 1, text)
            XCTAssertTrue(
                notebook.warnings[0].hasPrefix("t.md:1:1: warning: the notebook has no text and no directives"))
        }
    }

    func testLongIdsAreRefusedAtTheHeader() {
        let long = String(repeating: "a", count: 250)
        let errors = parseErrors(base.replacingOccurrences(of: "{evaluate} e", with: "{evaluate} \(long)"))
        XCTAssertEqual(errors.map(\.location.description), ["t.md:26:15"])
        XCTAssertEqual(errors[0].message, "the id `aaaaaaaaaaaaaaaaaaaa…` is 250 characters long; ids are at most 64")
        XCTAssertNotNil(parseOK(base.replacingOccurrences(of: "{evaluate} e", with: "{evaluate} e\(long.prefix(63))")))
    }

    /// The suggested id always obeys the id rule it states (never `__`).
    func testRepairedIdsAreValid() {
        XCTAssertEqual(DirectiveHeader.repaired("--", kind: .train), "no_dropout")
        XCTAssertEqual(DirectiveHeader.repaired("e-1", kind: .train), "e_1")
        XCTAssertEqual(DirectiveHeader.repaired("1st run", kind: .train), "x1st_run")
        XCTAssertEqual(DirectiveHeader.repaired("_a__b_", kind: .train), "a_b")
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab_-1 é.{}")
        for _ in 0..<2000 {
            let id = String((0..<Int.random(in: 1...12, using: &generator)).map { _ in alphabet.randomElement()! })
            for kind in DirectiveKind.allCases {
                let fixed = DirectiveHeader.repaired(id, kind: kind)
                XCTAssertTrue(fixed.isIdentifier && fixed.first!.isLetter && !fixed.contains("__"), "\(id) -> \(fixed)")
            }
        }
    }

    func testTestSplitMustExistForSamplesAndEvaluate() {
        let csv = base.replacingOccurrences(of: "source: mnist", with: "csv: train.csv")
        let samples = parseErrors(csv + "\n```{samples} s\ndata: mnist\n```\n")
        XCTAssertEqual(samples.map(\.location.description), ["t.md:27:8", "t.md:33:7"])
        XCTAssertEqual(
            samples[1].message, "data set `mnist` has no test images to show: its `csv:` gives no `test:` file")
        XCTAssertEqual(
            samples[0].message,
            "`m` is trained on data set `mnist`, which has no test rows to evaluate: its `csv:` gives no `test:` file")
        XCTAssertNotNil(
            parseOK(
                csv.replacingOccurrences(of: "model: m\n```", with: "model: m\non: train\n```")
                    + "\n```{samples} s\ndata: mnist\nsplit: train\n```\n"))
    }

    private func parseList(_ text: String) -> DiagnosticList {
        do {
            _ = try NotebookParser().parse(source: text, file: "t.md")
        } catch let list as DiagnosticList {
            return list
        } catch {}
        XCTFail("expected a DiagnosticList")
        return DiagnosticList([])
    }
}
