import Foundation
import Hashing

/// `digest.json` of a cache entry: the SHA-256 of each file's bytes, written with the entry.
///
/// ```json
/// {"format":"nbrun-cache-entry/1","files":{"training.json":"9f86…","weights.bin":"…","weights.json":"…"}}
/// ```
/// A reader accepts only this format and only files whose bytes hash to the recorded digest.
struct CacheEntryDigest: Codable, Equatable {
    static let fileName = "digest.json"
    static let currentFormat = "nbrun-cache-entry/1"

    let format: String
    /// File name → lowercase hex SHA-256 of its bytes.
    let files: [String: String]

    init(files: [String: Data]) {
        format = Self.currentFormat
        self.files = files.mapValues { SHA256Hex.of($0) }
    }

    /// Whether `data` is what was written as `name`.
    func matches(_ name: String, _ data: Data) -> Bool {
        files[name] == SHA256Hex.of(data)
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// The digest in `data`, or nil when it is not one of this format.
    static func decoded(from data: Data) -> CacheEntryDigest? {
        guard let digest = try? JSONDecoder().decode(Self.self, from: data), digest.format == currentFormat else {
            return nil
        }
        return digest
    }
}
