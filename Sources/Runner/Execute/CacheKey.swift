import Hashing
import NotebookFormat

/// Cache keys and seeds: SHA-256 of everything that determines a result.
///
/// key = SHA-256("nbrun-key/1" | kind | normalised body | seed | numerics version | upstream keys | data checksums).
/// The body is the parser's normalised text, taken after `${param}` substitution, so resolved params
/// are included and prose, comments and display options are not.
enum CacheKey {
    static func make(directive: Directive, seed: UInt64, upstream: [String], dataChecksums: String?) -> String {
        var parts = [
            "nbrun-key/1",
            "kind=\(directive.kind.rawValue)",
            "body=\(directive.normalizedBody)",
            "seed=\(seed)",
            "numerics=\(RunnerInfo.numericsVersion)",
        ]
        parts.append(contentsOf: upstream.map { "upstream=\($0)" })
        if let dataChecksums { parts.append("data=\(dataChecksums)") }
        return SHA256Hex.of(parts.joined(separator: "\n"))
    }

    /// The seed of one directive, derived from the notebook's root seed and the directive's id.
    static func seed(root: UInt64, id: String) -> UInt64 {
        SHA256Hex.uint64("nbrun-seed/1|\(root)|\(id)")
    }

    /// A seed derived from `text` (the first 8 bytes of its SHA-256), e.g. a prune level's fine-tuning.
    static func derivedSeed(_ text: String) -> UInt64 {
        SHA256Hex.uint64(text)
    }

    /// The key of a unit within a directive (a prune level, a sweep point): SHA-256 of its lines.
    static func unit(_ lines: [String]) -> String {
        SHA256Hex.of(lines.joined(separator: "\n"))
    }
}
