import Foundation
import NotebookFormat

/// The cache key of a directive: SHA-256 of everything that determines its result.
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
        return Digest.hex(parts.joined(separator: "\n"))
    }

    /// The seed of one directive, derived from the notebook's root seed and the directive's id.
    static func seed(root: UInt64, id: String) -> UInt64 {
        Digest.uint64("nbrun-seed/1|\(root)|\(id)")
    }
}
