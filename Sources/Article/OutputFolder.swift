import AtomicFiles
import Foundation

/// The article's output folder, replaced whole (see `AtomicDirectory.replace`): a failed run leaves the
/// previous page untouched and the new page never keeps figures of an older run.
enum OutputFolder {
    /// Entries the writer may replace; anything else in an existing folder makes it refuse, so pointing
    /// the writer at a folder of other files (a home directory) cannot delete them.
    static let ownedEntries: Set<String> = ["index.html", "figures", ".DS_Store"]

    /// - Parameters:
    ///   - owned: the entries of this output kind (the Markdown export owns `<name>.md`, not `index.html`).
    ///   - attachments: names of further files the writer puts beside the page (and so may replace).
    ///   - allowExchange: false forces the two-rename fallback (tests use it).
    static func replace(
        _ target: URL, owned: Set<String> = ownedEntries, attachments: Set<String> = [], allowExchange: Bool = true,
        fill: (URL) throws -> Void
    ) throws {
        do {
            try AtomicDirectory.replace(
                target, ownedEntries: owned.union(attachments), owner: "the article writer",
                allowExchange: allowExchange, fill: fill)
        } catch let error as AtomicFileError {
            throw ArticleError(error.message)
        }
    }
}
