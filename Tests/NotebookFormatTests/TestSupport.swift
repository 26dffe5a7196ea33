import Foundation
import XCTest

@testable import NotebookFormat

/// The fixtures folder next to this file.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// Parses `text` as `t.md`, failing the test with the diagnostics if it does not parse.
func parseOK(_ text: String, overrides: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line)
    -> Notebook?
{
    do {
        return try NotebookParser().parse(source: text, file: "t.md", overrides: overrides)
    } catch {
        XCTFail("unexpected errors:\n\(error)", file: file, line: line)
        return nil
    }
}

/// The diagnostics of a notebook that must not parse.
func parseErrors(_ text: String, overrides: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line)
    -> [Diagnostic]
{
    do {
        _ = try NotebookParser().parse(source: text, file: "t.md", overrides: overrides)
        XCTFail("expected errors", file: file, line: line)
    } catch let list as DiagnosticList {
        return list.diagnostics
    } catch {
        XCTFail("unexpected error type: \(error)", file: file, line: line)
    }
    return []
}
