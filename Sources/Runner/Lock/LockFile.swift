import Foundation

/// `<notebook name>.lock.json`: every number an article shows, exactly, and what produced it.
///
/// Written atomically beside the notebook after each run, with keys sorted so that it diffs well.
/// `nbrun check` runs the notebook again and compares with it (see ``LockComparison``).
struct LockFile: Codable, Equatable {
    var format = 1
    var notebook: String
    /// SHA-256 of the notebook's bytes when the lock was written (a different one means "stale").
    var notebookSHA256: String
    var environment: LockEnvironment
    /// Per directive id: kind, source line, cache key, and its numbers (histories, metrics).
    var directives: [String: LockedDirective]
    /// Every value the article prints (inline `{{ }}` and table cells), in document order.
    var shown: [LockedShownNumber]

    static func url(for notebook: URL) -> URL {
        notebook.deletingPathExtension().appendingPathExtension("lock.json")
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}

/// The machine and build that produced a lock.
struct LockEnvironment: Codable, Equatable {
    var nbrun: String
    var numerics: String
    var cpu: String
    var mathLibrary: String
    var threads: Int
    var seed: UInt64
    var data: [String: String]
    // Wall-clock times are not here: they go to the article's provenance and timings.json, so that
    // a run that changes no number leaves the lock byte-identical. (Locks that still have a
    // `seconds` field read as before; it is ignored.)
}

/// One directive's record.
struct LockedDirective: Codable, Equatable {
    var kind: String
    var line: Int
    var key: String
    /// For training runs: loss, accuracy, val_loss, val_accuracy per epoch.
    var history: [String: [LockedNumber]]?
    /// For evaluations: loss and accuracy (and the error count).
    var metrics: [String: LockedNumber]?
}

/// One printed value. A wall-clock value (`timing`) keeps its place and expression only.
struct LockedShownNumber: Codable, Equatable {
    var source: String
    var line: Int
    var column: Int
    var expression: String
    var value: LockedNumber?
    var text: String?
    var timing: Bool?
}
