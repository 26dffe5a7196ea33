import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes one file so that readers see the old file or the whole new one, never a part of it.
///
/// The bytes go to a fresh temporary file in the same folder (`O_CREAT | O_EXCL`), are flushed to disk
/// (`fsync`) and the file is renamed over the target (rename(2) is atomic within a file system). An
/// interrupted writer leaves at most a `.<name>.tmp-*` sibling, which no reader trusts.
public enum AtomicWrite {
    /// Writes `data` to `url` atomically, creating missing parent folders.
    public static func write(_ data: Data, to url: URL) throws {
        try data.withUnsafeBytes { try write(buffer: $0, to: url) }
    }

    /// Writes `bytes` to `url` atomically, creating missing parent folders.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        try bytes.withUnsafeBytes { try write(buffer: $0, to: url) }
    }

    /// Creates `url` with `data`, whole or not at all, and never replaces an existing file: the temporary
    /// file is hard-linked to the target (link(2) fails with EEXIST instead of overwriting), then removed.
    /// - Throws: `AtomicFileError` saying `<path> already exists` when it does, or why the write failed.
    public static func create(_ data: Data, at url: URL) throws {
        try data.withUnsafeBytes { try write(buffer: $0, to: url, replacing: false) }
    }

    private static func write(buffer: UnsafeRawBufferPointer, to url: URL, replacing: Bool = true) throws {
        try WriteBarrier.hold { try writeHeld(buffer: buffer, to: url, replacing: replacing) }
    }

    private static func writeHeld(buffer: UnsafeRawBufferPointer, to url: URL, replacing: Bool) throws {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw AtomicFileError("cannot create the folder \(directory.path): \(error.localizedDescription)")
        }
        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).tmp-\(getpid())-\(UUID().uuidString)")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw AtomicFileError("cannot create \(temporary.path): \(errnoText())") }
        var done = false
        defer { if !done { unlink(temporary.path) } }
        var failure: String?
        var written = 0
        while written < buffer.count, failure == nil {
            let put = systemWrite(fd, buffer.baseAddress! + written, buffer.count - written)
            if put < 0 {
                if errno != EINTR { failure = "cannot write \(temporary.path): \(errnoText())" }
                continue
            }
            written += put
        }
        if failure == nil, fsync(fd) != 0 { failure = "cannot flush \(temporary.path): \(errnoText())" }
        if close(fd) != 0, failure == nil { failure = "cannot close \(temporary.path): \(errnoText())" }
        if let failure { throw AtomicFileError(failure) }
        if !replacing {
            guard link(temporary.path, url.path) == 0 else {
                if errno == EEXIST { throw AtomicFileError("\(url.path) already exists") }
                throw AtomicFileError("cannot create \(url.path): \(errnoText())")
            }
            return  // the deferred unlink removes the temporary name
        }
        guard rename(temporary.path, url.path) == 0 else {
            throw AtomicFileError("cannot rename \(temporary.path) to \(url.path): \(errnoText())")
        }
        done = true
    }
}

func errnoText() -> String { String(cString: strerror(errno)) }

/// write(2), under another name than `AtomicWrite.write`.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
