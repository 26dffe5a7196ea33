import AtomicFiles
import Foundation
import NotebookFormat

/// The parse stage's value: the notebook's bytes, read once, and what the parser made of them.
///
/// Format problems are kept, not thrown, so that the check stage reports them together with the
/// rest of the check.
struct ParsedNotebook {
    let file: URL
    /// The bytes that were parsed (their SHA-256 goes into the lock).
    let bytes: Data
    let parsed: Result<Notebook, DiagnosticList>

    /// Reads `file` once and parses it with the `--set` overrides.
    static func read(_ file: URL, overrides: [String: String]) throws -> ParsedNotebook {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw RunnerFailure(message: "\(file.path): no such notebook; check the path (nbrun NOTEBOOK.md)")
        }
        if let kind = FileKind.irregular(file) {
            throw RunnerFailure(
                message: "\(file.path) is \(kind), not a notebook; give the path of a Markdown file (nbrun NOTEBOOK.md)"
            )
        }
        let bytes: Data
        do {
            bytes = try Data(contentsOf: file)
        } catch {
            throw RunnerFailure(
                message: "\(file.path): cannot read the notebook (\(error.localizedDescription)); check the path")
        }
        do {
            let notebook = try NotebookParser().parse(data: bytes, url: file, overrides: overrides)
            return ParsedNotebook(file: file, bytes: bytes, parsed: .success(notebook))
        } catch let diagnostics as DiagnosticList {
            return ParsedNotebook(file: file, bytes: bytes, parsed: .failure(diagnostics))
        }
    }
}
