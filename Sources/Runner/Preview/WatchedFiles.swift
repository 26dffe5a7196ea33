import Foundation
import NotebookFormat

/// The files a preview watches: the notebook and the data files its data sets name.
public enum WatchedFiles {
    /// The notebook, then every file of its `csv:` data sets and every file in its `idx:` folders,
    /// resolved against the notebook's folder. Built-in sources (`source: mnist`) live in nbrun's data
    /// cache and are not watched. A notebook that does not parse yields itself only.
    public static func of(_ options: RunOptions) -> [URL] {
        let notebookURL = options.notebook
        guard let parsed = try? ParsedNotebook.read(notebookURL, overrides: options.overrides),
            let notebook = try? parsed.parsed.get()
        else { return [notebookURL] }
        let folder = notebookURL.deletingLastPathComponent()
        func resolve(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
        }
        var files = [notebookURL]
        for case .directive(let directive) in notebook.blocks {
            guard case .dataset(let decl) = directive.payload else { continue }
            switch decl.source {
            case .csv(let train, let test):
                files.append(resolve(train))
                if let test { files.append(resolve(test)) }
            case .idx(let path):
                let directory = resolve(path)
                let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
                files += names.sorted().map { directory.appendingPathComponent($0) }
            case .mnist, .fashionMNIST:
                break
            }
        }
        return files
    }
}
