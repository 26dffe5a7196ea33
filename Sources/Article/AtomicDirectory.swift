import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a whole output directory at once: the new content is written into a staging directory
/// beside the target and renamed over it, so a failed run leaves the previous page untouched and the
/// new page never keeps figures of an older run.
///
/// The swap uses Linux `renameat2(RENAME_EXCHANGE)` (atomic; looked up at run time) and falls back to
/// two `rename(2)` calls (target → backup, staging → target), which leaves a moment without the target
/// but never a half-written one.
enum AtomicDirectory {
    /// Entries the writer may replace; anything else in an existing target makes `replace` refuse,
    /// so pointing the writer at a folder of other files (a home directory) cannot delete them.
    static let ownedEntries: Set<String> = ["index.html", "figures", ".DS_Store"]

    /// - Parameter allowExchange: false forces the two-rename fallback (tests use it).
    static func replace(_ target: URL, allowExchange: Bool = true, fill: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let target = target.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw ArticleError("cannot create the folder \(parent.path): \(error.localizedDescription)")
        }
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else {
                throw ArticleError("\(target.path) exists and is not a folder; remove it or choose another output folder")
            }
            let foreign = try fm.contentsOfDirectory(atPath: target.path).filter { !ownedEntries.contains($0) }.sorted()
            guard foreign.isEmpty else {
                throw ArticleError("""
                    refusing to replace \(target.path): it holds files the article writer did not make \
                    (\(foreign.prefix(5).joined(separator: ", "))); choose an empty or new output folder
                    """)
            }
        }

        let token = "\(getpid())-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(name).tmp-\(token)")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw ArticleError("cannot create the staging folder \(staging.path): \(error.localizedDescription)")
        }
        var stagingInUse = true
        defer { if stagingInUse { try? fm.removeItem(at: staging) } }
        try fill(staging)

        if !exists {
            try rename(staging, target)
            stagingInUse = false
            return
        }
        if allowExchange, exchange(staging, target) {
            return  // staging now holds the old content; the deferred removal deletes it
        }
        let backup = parent.appendingPathComponent(".\(name).old-\(token)")
        try rename(target, backup)
        do {
            try rename(staging, target)
        } catch {
            _ = Glibc.rename(backup.path, target.path)
            throw error
        }
        stagingInUse = false
        try? fm.removeItem(at: backup)
    }

    private static func rename(_ from: URL, _ to: URL) throws {
        guard Glibc.rename(from.path, to.path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw ArticleError("cannot move \(from.path) to \(to.path): \(reason)")
        }
    }

    /// Atomically swaps two paths with `renameat2(..., RENAME_EXCHANGE)`; false when unavailable.
    private static func exchange(_ a: URL, _ b: URL) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(handle) }
        guard let symbol = dlsym(handle, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atFDCWD: Int32 = -100  // AT_FDCWD
        let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE
        return renameat2(atFDCWD, a.path, atFDCWD, b.path, renameExchange) == 0
        #else
        return false
        #endif
    }
}
