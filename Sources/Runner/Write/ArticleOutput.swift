import Article
import AtomicFiles
import Foundation
import NotebookFormat

/// The write stage's article in the format `--to` chose: `OUTPUT/<name>/index.html`, `figures/` and
/// `timings.json`, replaced as a whole (or the Markdown / fragment export, see ``OutputFormat``).
struct ArticleOutput {
    let notebook: Notebook
    let options: RunOptions

    /// The file the article goes to.
    var file: URL {
        options.format.destination(
            outputDirectory: options.outputDirectory, name: notebook.file.deletingPathExtension().lastPathComponent)
    }

    /// `OUTPUT/<name>/index.html` (and whether it is self-contained), for the stage line.
    var description: String {
        options.selfContained ? "\(file.path), self-contained" : file.path
    }

    /// Refuses, before anything runs, an output that the write step would refuse after all the
    /// training: a file where the article's folder goes, or a folder nbrun did not write.
    static func preflight(_ options: RunOptions) throws {
        guard options.format != .htmlFragment else { return }
        let name = options.notebook.deletingPathExtension().lastPathComponent
        let folder = options.format.destination(outputDirectory: options.outputDirectory, name: name)
            .deletingLastPathComponent()
        do {
            try ArticleWriter.checkReplaceable(folder)
        } catch let error as ArticleError {
            throw RunnerFailure(message: "cannot write the article: \(error); nothing was run or written")
        }
    }

    /// `extra`: further files beside an HTML page (the exported Keras script), by name.
    func write(_ document: ArticleDocument, timings: Timings, extra: [String: Data] = [:]) throws {
        let template = notebook.frontMatter.template.map {
            URL(fileURLWithPath: $0, relativeTo: notebook.file.deletingLastPathComponent()).standardizedFileURL
        }
        do {
            let writer = try ArticleWriter(templateURL: template)
            switch options.format {
            case .html:
                try writer.write(
                    document, to: file.deletingLastPathComponent(), selfContained: options.selfContained,
                    attachments: extra.merging(["timings.json": try timings.encoded()]) { _, timings in timings })
            case .md:
                try writer.writeMarkdown(
                    document, to: file.deletingLastPathComponent(), fileName: file.lastPathComponent)
            case .htmlFragment:
                try writer.writeFragment(document, to: file)
            }
        } catch let error as ArticleError {
            throw RunnerFailure(message: "cannot write the article: \(error)")
        } catch let error as AtomicFileError {
            throw RunnerFailure(message: "cannot write the article: \(error.message)")
        } catch  where template != nil {
            throw RunnerFailure(message: "the template \(template!.path) cannot be used: \(error)")
        }
    }
}
