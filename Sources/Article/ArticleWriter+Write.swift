import AtomicFiles
import Foundation

extension ArticleWriter {
    /// Writes `directory/index.html` and, unless `selfContained`, `directory/figures/<fileName>` for
    /// every figure. The page is rendered first, then written into a staging folder beside `directory`
    /// and swapped in, so a failure leaves the previous output as it was and no stale figure survives.
    /// `directory` is created if needed; an existing one may only hold a previous output
    /// (`index.html`, `figures/`, the attachments), otherwise the write is refused rather than
    /// deleting other files. `attachments` are further files written beside the page, by name
    /// (the runner's `timings.json`), swapped in with it.
    /// - Throws: `ArticleError` for rendering or file system failures.
    public func write(
        _ document: ArticleDocument, to directory: URL, selfContained: Bool = false, attachments: [String: Data] = [:]
    ) throws {
        let html = try render(document, selfContained: selfContained)
        try OutputFolder.replace(directory, attachments: Set(attachments.keys)) { staging in
            let page = staging.appendingPathComponent("index.html")
            do {
                try Data(html.utf8).write(to: page)
                for (name, data) in attachments {
                    try data.write(to: staging.appendingPathComponent(name))
                }
            } catch {
                throw ArticleError("cannot write \(page.path): \(error.localizedDescription)")
            }
            guard !selfContained else { return }
            try Self.writeFigures(of: document, into: staging)
        }
    }
}

extension ArticleWriter {
    /// Throws the error a write to `directory` would end with, before anything is computed: it is a
    /// file, or a folder holding files nbrun did not write (see ``OutputFolder``).
    public static func checkReplaceable(_ directory: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ArticleError(
                "\(directory.path) exists and is not a folder; remove it or choose another output folder")
        }
        do {
            try OutputFolder.refuseForeignFiles(in: directory)
        } catch let error as AtomicFileError {
            throw ArticleError(error.message)
        }
    }
}
