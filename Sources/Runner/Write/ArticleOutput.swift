import Article
import AtomicFiles
import Foundation
import NotebookFormat

/// The write stage's article: `OUTPUT/<name>/index.html`, `figures/` and `timings.json`,
/// replaced as a whole.
struct ArticleOutput {
    let notebook: Notebook
    let options: RunOptions

    /// `OUTPUT/<notebook name>`.
    var folder: URL {
        options.outputDirectory.appendingPathComponent(notebook.file.deletingPathExtension().lastPathComponent)
    }

    /// `OUTPUT/<name>/index.html` (and whether it is self-contained), for the stage line.
    var description: String {
        options.selfContained ? "\(folder.path)/index.html, self-contained" : "\(folder.path)/index.html"
    }

    func write(_ document: ArticleDocument, timings: Timings) throws {
        let template = notebook.frontMatter.template.map {
            URL(fileURLWithPath: $0, relativeTo: notebook.file.deletingLastPathComponent()).standardizedFileURL
        }
        do {
            try ArticleWriter(templateURL: template).write(
                document, to: folder, selfContained: options.selfContained,
                attachments: ["timings.json": try timings.encoded()])
        } catch let error as ArticleError {
            throw RunnerFailure(message: "cannot write the article: \(error)")
        } catch let error as AtomicFileError {
            throw RunnerFailure(message: "cannot write the article: \(error.message)")
        } catch  where template != nil {
            throw RunnerFailure(message: "the template \(template!.path) cannot be used: \(error)")
        }
    }
}
