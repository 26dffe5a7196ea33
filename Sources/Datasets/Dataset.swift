import Hashing

/// A loaded data set: a training and a test split, the checksums of the files read, class names.
public struct Dataset: Sendable, Equatable {
    /// `mnist`, `fashion-mnist`, `idx:<dir as written>` or `csv:<file as written>`.
    public let name: String
    /// The training split (after `trainLimit`).
    public let train: ImageSet
    /// The test split (after `testLimit`; empty for a CSV source without a test file).
    public let test: ImageSet
    /// File name -> lowercase hex SHA-256 of the bytes read to build this data set (whole files,
    /// before any limit is applied).
    public let checksums: [String: String]
    /// Human-readable name of each label value: "0"..."9" for MNIST, Fashion-MNIST's ten names.
    public let classNames: [String]
    /// Where the files read came from: source file name -> SHA-256 (for MNIST: the wheel and the
    /// two CSV files the compact cache was built from; empty for other sources).
    public let provenance: [String: String]

    public init(
        name: String, train: ImageSet, test: ImageSet, checksums: [String: String],
        classNames: [String], provenance: [String: String] = [:]
    ) {
        self.name = name
        self.train = train
        self.test = test
        self.checksums = checksums
        self.classNames = classNames
        self.provenance = provenance
    }

    /// One SHA-256 identifying the data read: the digest of the lines `"<name> <sha256>\n"` of
    /// `checksums`, sorted by name. Handy as the data part of a cache key (add the limits to it:
    /// checksums cover whole files whatever the limits).
    public var combinedChecksum: String {
        let lines = checksums.keys.sorted().map { "\($0) \(checksums[$0]!)\n" }.joined()
        return SHA256Hex.of(Array(lines.utf8))
    }
}
