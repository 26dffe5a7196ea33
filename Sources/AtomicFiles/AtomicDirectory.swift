import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fills a whole folder in a staging folder beside it and then puts it in place at once.
///
/// `replace` swaps the new folder in with Linux `renameat2(RENAME_EXCHANGE)` (atomic; looked up at run
/// time), falling back to two `rename(2)` calls (target → backup, staging → target), which leaves a
/// moment without the target but never a half-written one. `install` is for content-addressed
/// entries: when the target already exists it is kept (same name, same content) and the new copy is
/// dropped. Either way a failed `fill` leaves the target as it was.
public enum AtomicDirectory {
    /// Replaces `target` by the folder `fill` writes.
    /// - Parameters:
    ///   - ownedEntries: if given, an existing target holding anything else is not replaced (so a
    ///     mistaken path cannot delete someone's files); `owner` names the writer in that error.
    ///   - allowExchange: false forces the two-rename fallback (tests use it).
    public static func replace(
        _ target: URL, ownedEntries: Set<String>? = nil, owner: String = "this writer",
        allowExchange: Bool = true, fill: (URL) throws -> Void
    ) throws {
        try WriteBarrier.hold { try replaceHeld(target, ownedEntries, owner, allowExchange, fill) }
    }

    private static func replaceHeld(
        _ target: URL, _ ownedEntries: Set<String>?, _ owner: String, _ allowExchange: Bool,
        _ fill: (URL) throws -> Void
    ) throws {
        let fm = FileManager.default
        let target = target.standardizedFileURL
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else {
                throw AtomicFileError(
                    "\(target.path) exists and is not a folder; remove it or choose another output folder")
            }
            if let ownedEntries {
                let foreign = try fm.contentsOfDirectory(atPath: target.path).filter { !ownedEntries.contains($0) }
                    .sorted()
                guard foreign.isEmpty else {
                    throw AtomicFileError(
                        """
                        refusing to replace \(target.path): it holds files \(owner) did not make \
                        (\(foreign.prefix(5).joined(separator: ", "))); choose an empty or new output folder
                        """)
                }
            }
        }
        // Only here, not in `install`: a shared cache may hold staging folders of live processes on other nodes.
        removeStale(beside: target)
        let staging = try makeStaging(beside: target)
        var stagingInUse = true
        defer { if stagingInUse { try? fm.removeItem(at: staging) } }
        try fill(staging)
        if !exists {
            try move(staging, to: target)
            stagingInUse = false
            return
        }
        if allowExchange, exchange(staging, target) {
            return  // staging now holds the old content; the deferred removal deletes it
        }
        let backup = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).old-\(token())")
        try move(target, to: backup)
        do {
            try move(staging, to: target)
        } catch {
            _ = rename(backup.path, target.path)
            throw error
        }
        stagingInUse = false
        try? fm.removeItem(at: backup)
    }

    /// Creates `target` from the folder `fill` writes, unless it already exists (then it is kept).
    public static func install(_ target: URL, fill: (URL) throws -> Void) throws {
        try WriteBarrier.hold { try installHeld(target, fill) }
    }

    private static func installHeld(_ target: URL, _ fill: (URL) throws -> Void) throws {
        let staging = try makeStaging(beside: target)
        defer { try? FileManager.default.removeItem(at: staging) }
        try fill(staging)
        if rename(staging.path, target.path) == 0 { return }
        guard FileManager.default.fileExists(atPath: target.path) else {
            throw AtomicFileError("cannot move \(staging.path) to \(target.path): \(errnoText())")
        }
    }

    /// Removes `.<name>.tmp-<pid>-*` and `.<name>.old-<pid>-*` folders beside `target` left by a run on
    /// this machine that was killed (its process no longer exists); a live run's folders are kept.
    public static func removeStale(beside target: URL) {
        let parent = target.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names {
            guard let pid = stalePID(name, for: target.lastPathComponent), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }  // still running (or another user's)
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// The process id in a staging or backup folder name of `target` (`.<target>.tmp-<pid>-<token>`).
    static func stalePID(_ name: String, for target: String) -> pid_t? {
        for kind in [".tmp-", ".old-"] {
            let prefix = ".\(target)\(kind)"
            guard name.hasPrefix(prefix) else { continue }
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), rest[dash...].count == 9 else { return nil }
            return pid_t(rest[..<dash])
        }
        return nil
    }

    private static func makeStaging(beside target: URL) throws -> URL {
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(token())")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw AtomicFileError("cannot create the staging folder \(staging.path): \(error.localizedDescription)")
        }
        return staging
    }

    private static func token() -> String { "\(getpid())-\(UUID().uuidString.prefix(8))" }

    private static func move(_ from: URL, to: URL) throws {
        guard rename(from.path, to.path) == 0 else {
            throw AtomicFileError("cannot move \(from.path) to \(to.path): \(errnoText())")
        }
    }

    /// Atomically swaps two paths with `renameat2(..., RENAME_EXCHANGE)`; false when unavailable.
    private static func exchange(_ a: URL, _ b: URL) -> Bool {
        #if os(Linux)
            typealias RenameAt2 =
                @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
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
