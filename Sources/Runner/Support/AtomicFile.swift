import Foundation

/// Writes files and folders so that a reader never sees a half-written one.
///
/// Data goes to a temporary sibling first and is then renamed over the target (rename(2) is atomic
/// within one file system). An interrupted run leaves at most a `.tmp-*` sibling that nothing trusts.
enum AtomicFile {
    /// Writes `data` to `url` atomically, creating parent folders.
    static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".tmp-\(UUID().uuidString)-\(url.lastPathComponent)")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw RunnerFailure(message: "cannot write \(url.path): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Moves a finished folder into place at `url`. If `url` already exists it is replaced
    /// (`replace: true`) or kept (`replace: false`, for content-addressed entries that are equal by key).
    static func install(folder: URL, at url: URL, replace: Bool) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if rename(folder.path, url.path) == 0 { return }
        guard manager.fileExists(atPath: url.path) else {
            throw RunnerFailure(message: "cannot move \(folder.path) to \(url.path): \(String(cString: strerror(errno)))")
        }
        if !replace {
            try? manager.removeItem(at: folder)
            return
        }
        let old = url.deletingLastPathComponent().appendingPathComponent(".old-\(UUID().uuidString)")
        guard rename(url.path, old.path) == 0, rename(folder.path, url.path) == 0 else {
            throw RunnerFailure(message: "cannot replace \(url.path): \(String(cString: strerror(errno)))")
        }
        try? manager.removeItem(at: old)
    }

    /// A fresh temporary folder beside `url`, on the same file system so that `install` can rename it.
    static func temporaryFolder(beside url: URL) throws -> URL {
        let folder = url.deletingLastPathComponent()
            .appendingPathComponent(".tmp-\(UUID().uuidString)-\(url.lastPathComponent)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
