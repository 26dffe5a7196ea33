import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What is at a path, in words for messages: a folder, a FIFO or a device is not a file to read.
public enum FileKind {
    /// "a folder", "a FIFO (named pipe)", "a device", "a socket" for what is there and is not a
    /// regular file (symbolic links are followed); nil for a regular file or nothing at all.
    public static func irregular(_ url: URL) -> String? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }
}
