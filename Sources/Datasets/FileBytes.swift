import AtomicFiles
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file reads and atomic writes with POSIX calls, every status checked.
enum FileBytes {
    /// The contents of `url`, read straight into an array (no intermediate `Data`).
    static func contents(of url: URL) throws -> [UInt8] {
        let path = url.path
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw DatasetError("cannot open \(path): \(errnoText())") }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw DatasetError("cannot stat \(path): \(errnoText())") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw DatasetError("\(path) is a directory, expected a file") }
        let size = Int(info.st_size)
        var failure: String?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var done = 0
            while done < size {
                let got = read(fd, buffer.baseAddress! + done, size - done)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = "cannot read \(path): \(errnoText())"
                    break
                }
                if got == 0 { break }  // the file shrank while we read it
                done += got
            }
            initialized = done
        }
        if let failure { throw DatasetError(failure) }
        if bytes.count != size { throw DatasetError("\(path) changed size while being read") }
        return bytes
    }

    /// The size in bytes of the file at `url`, or nil when there is no regular file there.
    static func size(_ url: URL) -> Int? {
        var info = stat()
        guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Writes `bytes` to `url` atomically (`AtomicWrite`: temporary file, fsync, rename).
    static func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
        do {
            try AtomicWrite.write(bytes, to: url)
        } catch let error as AtomicFileError {
            throw DatasetError(error.message)
        }
    }

    /// Creates `url` and its parents when missing.
    static func makeDirectory(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw DatasetError("cannot create the directory \(url.path): \(error.localizedDescription)")
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
