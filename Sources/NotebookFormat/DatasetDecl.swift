/// A `dataset` directive: where images and labels come from and how they are scaled.
public struct DatasetDecl: Equatable, Sendable {
    public enum Source: Equatable, Sendable {
        /// `source: mnist`
        case mnist
        /// `source: fashion-mnist`
        case fashionMNIST
        /// `idx: DIR` — a directory with the four (optionally gzipped) IDX files.
        case idx(String)
        /// `csv: FILE` or `csv: {train: FILE, test: FILE}`; rows `label,pixel...`.
        case csv(train: String, test: String?)
    }
    public var source: Source
    /// Pixels are divided by this (`scale: 255`).
    public var scale: Double = 255
    /// `limit: {train: N, test: N}`: use only the first N rows.
    public var trainLimit: Int?
    public var testLimit: Int?
    /// `data_dir:` for this data set; overrides the front matter's.
    public var dataDir: String?

    public init(
        source: Source, scale: Double = 255, trainLimit: Int? = nil, testLimit: Int? = nil, dataDir: String? = nil
    ) {
        self.source = source
        self.scale = scale
        self.trainLimit = trainLimit
        self.testLimit = testLimit
        self.dataDir = dataDir
    }
}
