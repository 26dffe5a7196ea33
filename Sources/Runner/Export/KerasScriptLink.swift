import Article
import Foundation
import NotebookFormat

/// The exported Keras script in the article's provenance. Once `nbrun export --keras` has written
/// `<name>_keras.py` beside the notebook, every HTML run links the script and writes it beside
/// the page, as an export would write it now (so the page's copy always matches the article); when
/// the copy beside the notebook no longer matches, the provenance says so.
struct KerasScriptLink {
    let item: ProvenanceItem
    /// The file to write beside the page (`<name>_keras.py`); nil unless the format is HTML.
    let attachment: (name: String, data: Data)?

    static func find(for notebook: Notebook, format: OutputFormat) throws -> KerasScriptLink? {
        let name = KerasScript.fileName(for: notebook.file)
        let url = notebook.file.deletingLastPathComponent().appendingPathComponent(name)
        guard let existing = try? Data(contentsOf: url) else { return nil }
        let fresh = Data(try KerasScript(notebook: notebook).text().utf8)
        let value =
            fresh == existing
            ? "\(name) (nbrun export --keras)"
            : "\(name) as exported now; the copy beside the notebook is out of date: "
                + "run `nbrun export --keras \(notebook.file.lastPathComponent)`"
        guard format == .html else {
            return KerasScriptLink(item: ProvenanceItem(label: "Keras script", value: value), attachment: nil)
        }
        return KerasScriptLink(
            item: ProvenanceItem(label: "Keras script", value: value, link: name), attachment: (name, fresh))
    }
}
