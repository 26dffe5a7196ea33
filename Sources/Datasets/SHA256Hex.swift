import Crypto

/// Lowercase hexadecimal SHA-256 digests (FIPS 180-4, via swift-crypto / BoringSSL).
enum SHA256Hex {
    /// The digest of `bytes` as 64 lowercase hex digits.
    static func of(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The digest accumulated in `hasher`, as 64 lowercase hex digits.
    static func finish(_ hasher: SHA256) -> String {
        hex(hasher.finalize())
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
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
