import Foundation
import TestSupport
import XCTest

@testable import NotebookFormat

final class DiagnosticTests: XCTestCase {
    func testLayout() {
        let d = Diagnostic(
            location: SourceLocation(file: "a.md", line: 3, column: 5), message: "bad", sourceLine: "    epoch: 20",
            length: 5, suggestion: "did you mean `epochs`?")
        XCTAssertEqual(
            d.description, "a.md:3:5: error: bad\n        epoch: 20\n        ^~~~~\n    did you mean `epochs`?")
        let bare = Diagnostic(
            location: SourceLocation(file: "a.md", line: 1, column: 1), message: "m", sourceLine: "", length: 1,
            suggestion: nil)
        XCTAssertEqual(bare.description, "a.md:1:1: error: m")
    }

    func testCaretCountsWideCharactersAsTwoColumns() {
        let d = Diagnostic(
            location: SourceLocation(file: "a.md", line: 1, column: 5), message: "m", sourceLine: "精度: {{ x }}",
            length: 2, suggestion: nil)
        // "精度: " is 2 + 2 + 1 + 1 = 6 columns wide.
        XCTAssertEqual(d.description, "a.md:1:5: error: m\n    精度: {{ x }}\n          ^~")
    }

    func testListIsSortedAndCounted() {
        func d(_ line: Int) -> Diagnostic {
            Diagnostic(
                location: SourceLocation(file: "a.md", line: line, column: 1), message: "m\(line)", sourceLine: "",
                length: 1, suggestion: nil)
        }
        let list = DiagnosticList([d(9), d(2), d(2)])
        XCTAssertEqual(list.diagnostics.map(\.location.line), [2, 9])
        XCTAssertEqual(list.description, "a.md:2:1: error: m2\na.md:9:1: error: m9\n2 errors")
    }

    func testSpelling() {
        XCTAssertEqual(Spelling.closest(to: "activaton", in: ["activation", "use_bias"]), "activation")
        XCTAssertEqual(Spelling.closest(to: "trian", in: ["train", "table"]), "train")
        XCTAssertEqual(Spelling.closest(to: "conv2d", in: ["Conv2D"]), "Conv2D")
        XCTAssertNil(Spelling.closest(to: "m", in: ["e"]))
        XCTAssertNil(Spelling.closest(to: "banana", in: ["train"]))
    }

    func testNonUTF8AndBinaryFilesAreReportedNotCrashed() throws {
        let dir = try Scratch.directory(self, prefix: "nbformat")
        let latin1 = dir.appendingPathComponent("latin1.md")
        try Data("# Caf".utf8 + [0xE9] + Data("\nok\n".utf8)).write(to: latin1)
        let binary = dir.appendingPathComponent("image.md")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]).write(to: binary)
        for (url, message) in [
            (latin1, "the file is not valid UTF-8 (byte 0xE9 at offset 5)"),
            (binary, "this is a binary file (it contains a NUL byte), not a Markdown notebook"),
            (dir.appendingPathComponent("missing.md"), nil),
        ] {
            XCTAssertThrowsError(try NotebookParser().parse(contentsOf: url)) { error in
                let list = error as? DiagnosticList
                XCTAssertEqual(list?.diagnostics.count, 1)
                if let message { XCTAssertEqual(list?.diagnostics.first?.message, message) }
            }
        }
        XCTAssertThrowsError(try NotebookParser().parse(contentsOf: latin1)) { error in
            XCTAssertEqual((error as? DiagnosticList)?.diagnostics.first?.location.line, 1)
            XCTAssertEqual((error as? DiagnosticList)?.diagnostics.first?.location.column, 6)
        }
    }
}
