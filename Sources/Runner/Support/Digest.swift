import Crypto
import Foundation

/// SHA-256 helpers for cache keys and seeds.
enum Digest {
    /// Lowercase hex SHA-256 of a UTF-8 string.
    static func hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Lowercase hex SHA-256 of bytes.
    static func hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The first eight bytes of SHA-256(text) as a big-endian integer.
    static func uint64(_ text: String) -> UInt64 {
        SHA256.hash(data: Data(text.utf8)).prefix(8).reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
    }
}
