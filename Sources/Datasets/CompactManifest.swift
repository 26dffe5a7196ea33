/// The manifest of a compact cache directory (`manifest.json`): what it was built from and the
/// size and SHA-256 of every file in it. It is written last, so its presence commits the cache.
struct CompactManifest: Codable, Equatable {
    /// Bumped when the layout of the compact files changes; other values are ignored (rebuilt).
    static let currentFormat = 1

    /// Size and checksum of one compact file.
    struct FileEntry: Codable, Equatable {
        var bytes: Int
        var sha256: String
    }

    var format: Int
    /// The data set's name, e.g. `mnist`.
    var dataset: String
    /// Source file -> SHA-256 of what the cache was built from (verified at build time).
    var sources: [String: String]
    /// Compact file name -> size and SHA-256.
    var files: [String: FileEntry]
}
