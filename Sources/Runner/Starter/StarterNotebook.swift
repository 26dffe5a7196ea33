import AtomicFiles
import Foundation

/// The notebook `nbrun new NAME.md` writes: front matter, a data set, two models, training,
/// evaluation, a plot, a table and prose with inline values, ready to run in well under a minute.
///
/// The text is `Starter/starter.md`, compiled into the binary (`.embedInCode` in Package.swift); the
/// word `NOTEBOOK` in it becomes the new file's base name, so its prose names the right commands.
public enum StarterNotebook {
    /// The starter text for a notebook saved as `fileName` (`first.md` → commands say `first.md`).
    public static func text(fileName: String) -> String {
        let name = (fileName as NSString).deletingPathExtension
        return String(decoding: PackageResources.starter_md, as: UTF8.self)
            .replacingOccurrences(of: "NOTEBOOK", with: name)
    }

    /// Writes the starter to `url`, whole or not at all; an existing file is never replaced.
    /// - Throws: `RunnerFailure` when `url` exists or cannot be written.
    public static func write(to url: URL) throws {
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw RunnerFailure(message: exists(url))
        }
        do {
            try AtomicWrite.create(Data(text(fileName: url.lastPathComponent).utf8), at: url)
        } catch let error as AtomicFileError {
            if error.message.hasSuffix("already exists") { throw RunnerFailure(message: exists(url)) }
            throw RunnerFailure(message: "cannot write the new notebook: \(error.message)")
        }
    }

    private static func exists(_ url: URL) -> String {
        "\(url.path) already exists; nbrun new never overwrites a file: choose another name or move that file away"
    }
}
