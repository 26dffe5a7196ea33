import Foundation
import NotebookFormat

/// The parse and check stages alone, for tools that feed nbrun notebooks it must refuse or accept
/// without running anything (the fuzzer, `nbrun-fuzz`).
public enum NotebookValidation {
    /// Parses `data` as the notebook at `url` and checks it as `nbrun` would before running.
    /// - Returns: the notebook's warnings when it would run.
    /// - Throws: `DiagnosticList` with every problem, located, when it would be refused.
    public static func check(_ data: Data, url: URL, overrides: [String: String] = [:]) throws -> [String] {
        let parsed: ParsedNotebook
        do {
            let notebook = try NotebookParser().parse(data: data, url: url, overrides: overrides)
            parsed = ParsedNotebook(file: url, bytes: data, parsed: .success(notebook))
        } catch let diagnostics as DiagnosticList {
            throw diagnostics
        }
        let plan = try NotebookCheck.check(parsed)
        return plan.notebook.warnings
    }
}
