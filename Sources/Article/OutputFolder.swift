import AtomicFiles
import Foundation

/// The article's output folder, replaced whole (see `AtomicDirectory.replace`): a failed run leaves the
/// previous page untouched and the new page never keeps figures of an older run.
///
/// Only a folder nbrun wrote is ever replaced. Each written folder holds a marker file, ``markerName``,
/// listing every file nbrun put there; an existing non-empty folder is replaced only when its marker
/// is there and it holds no file the marker does not list (a hand-written `index.html`, a user's
/// `figures/vacation.png`). Anything else is refused, naming the files, and nothing is deleted.
enum OutputFolder {
    /// Entries the writer may replace at the top level (the marker's list is checked too).
    static let ownedEntries: Set<String> = ["index.html", "figures", ".DS_Store", markerName]
    /// The marker file: one relative path per line, after a header line.
    static let markerName = ".nbrun-output"
    static let markerHeader = "# written by nbrun; this folder is replaced whole by the next run"

    /// - Parameters:
    ///   - owned: the entries of this output kind (the Markdown export owns `<name>.md`, not `index.html`).
    ///   - attachments: names of further files the writer puts beside the page (and so may replace).
    ///   - allowExchange: false forces the two-rename fallback (tests use it).
    static func replace(
        _ target: URL, owned: Set<String> = ownedEntries, attachments: Set<String> = [], allowExchange: Bool = true,
        fill: (URL) throws -> Void
    ) throws {
        do {
            try refuseForeignFiles(in: target)
            try AtomicDirectory.replace(
                target, ownedEntries: owned.union(attachments).union([markerName]), owner: "the article writer",
                allowExchange: allowExchange
            ) { staging in
                try fill(staging)
                let listed = files(in: staging).sorted()
                try Data(([markerHeader] + listed).joined(separator: "\n").appending("\n").utf8)
                    .write(to: staging.appendingPathComponent(markerName))
            }
        } catch let error as AtomicFileError {
            throw ArticleError(error.message)
        }
    }

    /// Throws when `target` holds files nbrun's marker does not list (all of them, without a marker).
    static func refuseForeignFiles(in target: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return }
        let present = files(in: target)
        let marker = try? String(contentsOf: target.appendingPathComponent(markerName), encoding: .utf8)
        let listed = Set(marker?.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") } ?? [])
        let foreign = present.filter { !listed.contains($0) && $0 != markerName && !$0.hasSuffix(".DS_Store") }
            .sorted()
        guard !foreign.isEmpty else { return }
        throw AtomicFileError(
            """
            refusing to replace \(target.standardizedFileURL.path): it holds files the article writer did not make \
            (\(foreign.prefix(5).joined(separator: ", "))\(foreign.count > 5 ? ", …" : "")); \
            choose an empty or new output folder
            """)
    }

    /// Relative paths of the regular files (and other non-folders) under `folder`.
    private static func files(in folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var out: [String] = []
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue {
                continue
            }
            out.append(path)
        }
        return out
    }
}
