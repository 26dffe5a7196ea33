import Crypto
import Foundation

/// SHA-256 (FIPS 180-4, via swift-crypto / BoringSSL) as lowercase hex: data checksums, cache
/// keys and derived seeds. The only place nbrun calls a SHA-256 implementation.
public enum SHA256Hex {
    /// The digest of `bytes` as 64 lowercase hex digits.
    public static func of(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The digest of `data`.
    public static func of(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// The digest of the UTF-8 bytes of `text`.
    public static func of(_ text: String) -> String {
        hex(SHA256.hash(data: Data(text.utf8)))
    }

    /// The first eight bytes of SHA-256(`text`) as a big-endian integer (derived seeds).
    public static func uint64(_ text: String) -> UInt64 {
        SHA256.hash(data: Data(text.utf8)).prefix(8).reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
    }

    /// A digest fed piece by piece (large files read in chunks).
    public struct Stream {
        private var hasher = SHA256()

        public init() {}

        public mutating func update(_ data: Data) { hasher.update(data: data) }

        /// The digest of everything fed so far, as 64 lowercase hex digits.
        public func finish() -> String { SHA256Hex.hex(hasher.finalize()) }
    }

    fileprivate static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
