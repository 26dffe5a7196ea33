import Article
import Foundation
import NotebookFormat

/// The exported Keras script in the article's provenance: when `nbrun export --keras` wrote
/// `<name>_keras.py` beside the notebook and it is what an export would write now, the HTML page
/// links it and the script is copied beside the page; a script that no longer matches the
/// notebook is named as out of date and not copied.
struct KerasScriptLink {
    let item: ProvenanceItem
    /// The file to write beside the page (`<name>_keras.py`), nil when out of date or not HTML.
    let attachment: (name: String, data: Data)?

    static func find(for notebook: Notebook, format: OutputFormat) -> KerasScriptLink? {
        let name = KerasScript.fileName(for: notebook.file)
        let url = notebook.file.deletingLastPathComponent().appendingPathComponent(name)
        guard let existing = try? Data(contentsOf: url) else { return nil }
        let label = "Keras script"
        guard let fresh = try? KerasScript(notebook: notebook).text(), Data(fresh.utf8) == existing else {
            let command = "nbrun export --keras \(notebook.file.lastPathComponent)"
            return KerasScriptLink(
                item: ProvenanceItem(label: label, value: "\(name) is out of date: run `\(command)`"), attachment: nil)
        }
        let value = "\(name) (nbrun export --keras)"
        guard format == .html else { return KerasScriptLink(item: ProvenanceItem(label: label, value: value), attachment: nil) }
        return KerasScriptLink(
            item: ProvenanceItem(label: label, value: value, link: name), attachment: (name, existing))
    }
}
