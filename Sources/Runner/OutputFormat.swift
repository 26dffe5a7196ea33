import Article
import Foundation

/// What the write step produces (`--to`): the HTML page, Markdown for blog sites, or an HTML fragment.
///
/// Each format has its own place under the output folder, so exporting one never deletes another:
/// `html` → `<name>/index.html` + `figures/`; `md` → `<name>-md/<name>.md` + `figures/`;
/// `html-fragment` → `<name>-fragment.html`, one file with styles inlined and figures as data URIs.
public enum OutputFormat: String, CaseIterable, Sendable {
    case html
    case md
    case htmlFragment = "html-fragment"

    /// The file the article goes to, for the progress line.
    public func destination(outputDirectory: URL, name: String) -> URL {
        switch self {
        case .html: outputDirectory.appendingPathComponent(name).appendingPathComponent("index.html")
        case .md: outputDirectory.appendingPathComponent("\(name)-md").appendingPathComponent("\(name).md")
        case .htmlFragment: outputDirectory.appendingPathComponent("\(name)-fragment.html")
        }
    }
}
