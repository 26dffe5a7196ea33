import Foundation
import Hashing

/// A directory holding a data set in compact form: four uncompressed IDX files
/// (`train-images-idx3-ubyte`, `train-labels-idx1-ubyte`, `t10k-images-idx3-ubyte`,
/// `t10k-labels-idx1-ubyte`) and `manifest.json`.
///
/// Every file is written to a temporary name and renamed into place; the manifest goes last.
/// Reading checks the manifest's sources, every file's size, SHA-256 and IDX header, so a
/// partial, stale or corrupt cache is detected (and rebuilt by the caller), never trusted.
/// Leftover temporary files (`.<name>.tmp-*`) are never read.
struct CompactCache {
    static let trainImages = "train-images-idx3-ubyte"
    static let trainLabels = "train-labels-idx1-ubyte"
    static let testImages = "t10k-images-idx3-ubyte"
    static let testLabels = "t10k-labels-idx1-ubyte"
    static let manifestName = "manifest.json"

    let directory: URL
    let dataset: String

    /// What a successful read returns.
    struct Contents {
        var train: ImageSet
        var test: ImageSet
        /// Compact file name -> SHA-256 computed while reading.
        var checksums: [String: String]
        /// The manifest's sources.
        var sources: [String: String]
    }

    /// Reads and verifies the cache; throws a `DatasetError` saying what is wrong when it is
    /// missing, was built from other sources than `expectedSources`, or does not verify.
    func read(expectedSources: [String: String]) throws -> Contents {
        let manifestURL = directory.appendingPathComponent(Self.manifestName)
        guard FileBytes.size(manifestURL) != nil else { throw DatasetError("\(manifestURL.path) does not exist") }
        let manifest: CompactManifest
        do {
            manifest = try JSONDecoder().decode(CompactManifest.self, from: Data(FileBytes.contents(of: manifestURL)))
        } catch {
            throw DatasetError("\(manifestURL.path) is not a valid manifest: \(error)")
        }
        guard manifest.format == CompactManifest.currentFormat, manifest.dataset == dataset else {
            throw DatasetError(
                "\(manifestURL.path) is format \(manifest.format) for \(manifest.dataset), expected format \(CompactManifest.currentFormat) for \(dataset)"
            )
        }
        guard manifest.sources == expectedSources else {
            throw DatasetError("\(manifestURL.path) was built from other source files")
        }
        var checksums = [String: String]()
        func idx(_ name: String) throws -> IDXFile {
            guard let entry = manifest.files[name] else {
                throw DatasetError("\(manifestURL.path) does not list \(name)")
            }
            let url = directory.appendingPathComponent(name)
            guard let size = FileBytes.size(url) else { throw DatasetError("\(url.path) does not exist") }
            guard size == entry.bytes else {
                throw DatasetError("\(url.path) has \(size) bytes, the manifest says \(entry.bytes)")
            }
            let bytes = try FileBytes.contents(of: url)
            let sha = SHA256Hex.of(bytes)
            guard sha == entry.sha256 else {
                throw DatasetError("\(url.path) has SHA-256 \(sha), the manifest says \(entry.sha256)")
            }
            checksums[name] = sha
            return try IDXFile(parsing: bytes, name: url.path)
        }
        let train = try IDXPair.imageSet(
            images: idx(Self.trainImages), imagesName: Self.trainImages,
            labels: idx(Self.trainLabels), labelsName: Self.trainLabels)
        let test = try IDXPair.imageSet(
            images: idx(Self.testImages), imagesName: Self.testImages,
            labels: idx(Self.testLabels), labelsName: Self.testLabels)
        return Contents(train: train, test: test, checksums: checksums, sources: manifest.sources)
    }

    /// The compact files for `train` and `test`: name -> IDX bytes (deterministic).
    static func encode(train: ImageSet, test: ImageSet) -> [(name: String, bytes: [UInt8])] {
        var files = [(name: String, bytes: [UInt8])]()
        for (set, imagesName, labelsName) in [(train, trainImages, trainLabels), (test, testImages, testLabels)] {
            let dims =
                set.channels == 1
                ? [set.count, set.height, set.width]
                : [set.count, set.height, set.width, set.channels]
            files.append((imagesName, IDXFile(dimensions: dims, values: set.pixels).encoded()))
            files.append((labelsName, IDXFile(dimensions: [set.count], values: set.labels).encoded()))
        }
        return files
    }

    /// Writes `files` (from `encode`) plus the manifest (last), each atomically; returns the
    /// compact files' checksums.
    @discardableResult
    func write(_ files: [(name: String, bytes: [UInt8])], sources: [String: String]) throws -> [String: String] {
        try FileBytes.makeDirectory(directory)
        // Un-commit the old cache first: until the new manifest lands, readers see no cache.
        let manifestURL = directory.appendingPathComponent(Self.manifestName)
        if FileBytes.size(manifestURL) != nil { try? FileManager.default.removeItem(at: manifestURL) }
        var entries = [String: CompactManifest.FileEntry]()
        for file in files {
            entries[file.name] = .init(bytes: file.bytes.count, sha256: SHA256Hex.of(file.bytes))
            try FileBytes.writeAtomically(file.bytes, to: directory.appendingPathComponent(file.name))
        }
        let manifest = CompactManifest(
            format: CompactManifest.currentFormat, dataset: dataset,
            sources: sources, files: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json: Data
        do { json = try encoder.encode(manifest) } catch {
            throw DatasetError("cannot encode the manifest for \(directory.path): \(error)")
        }
        try FileBytes.writeAtomically([UInt8](json) + [UInt8(ascii: "\n")], to: manifestURL)
        return entries.mapValues(\.sha256)
    }
}
