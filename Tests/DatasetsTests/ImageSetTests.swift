import XCTest

@testable import Datasets

final class ImageSetTests: XCTestCase {
    private let set = ImageSet(
        count: 3, height: 1, width: 2, channels: 1, pixels: [0, 255, 1, 128, 51, 2], labels: [4, 5, 6])

    func testFeaturesAreFloat32OfTheFloat64Quotient() {
        // Keras pipeline: NumPy x / 255.0 in float64, then float32. Tolerance: exact (bit for bit).
        let all = ImageSet(count: 1, height: 16, width: 16, channels: 1, pixels: (0..<256).map(UInt8.init), labels: [0])
        let features = all.features(scale: 255)
        for v in 0..<256 {
            XCTAssertEqual(features[v].bitPattern, Float(Double(v) / 255.0).bitPattern, "pixel \(v)")
        }
        XCTAssertEqual(features[0], 0)
        XCTAssertEqual(features[255], 1)
        XCTAssertEqual(set.features(scale: 1), [0, 255, 1, 128, 51, 2])
        XCTAssertEqual(set.features(scale: 2), [0, 127.5, 0.5, 64, 25.5, 1])
    }

    func testPrefixAndSlice() {
        XCTAssertEqual(
            set.prefix(2),
            ImageSet(count: 2, height: 1, width: 2, channels: 1, pixels: [0, 255, 1, 128], labels: [4, 5]))
        XCTAssertEqual(set.prefix(0).count, 0)
        XCTAssertEqual(set.prefix(0).pixels, [])
        XCTAssertEqual(set.prefix(10), set)
        XCTAssertEqual(
            set.slice(1..<3),
            ImageSet(count: 2, height: 1, width: 2, channels: 1, pixels: [1, 128, 51, 2], labels: [5, 6]))
        XCTAssertEqual(set.slice(2..<9).labels, [6])
        XCTAssertEqual(set.imageSize, 2)
        XCTAssertEqual(set.imageShape, [1, 2, 1])
    }

    func testClassCounts() {
        XCTAssertEqual(set.classCounts(), [0, 0, 0, 0, 1, 1, 1])
        XCTAssertEqual(set.prefix(0).classCounts(), [])
    }
}

final class DatasetTests: XCTestCase {
    func testCombinedChecksumDependsOnNamesAndDigestsNotOrder() {
        let set = ImageSet(count: 0, height: 1, width: 1, channels: 1, pixels: [], labels: [])
        func data(_ sums: [String: String]) -> Dataset {
            Dataset(name: "d", train: set, test: set, checksums: sums, classNames: [])
        }
        let a = data(["a": "01", "b": "02"])
        // sha256("a 01\nb 02\n"), computed with coreutils sha256sum.
        XCTAssertEqual(a.combinedChecksum, "89f1b8a3005d500071f1df023ee38afba55cbd33f590c00ae2f718a285bb2b33")
        XCTAssertNotEqual(a.combinedChecksum, data(["a": "02", "b": "01"]).combinedChecksum)
        XCTAssertNotEqual(a.combinedChecksum, data(["a": "01", "c": "02"]).combinedChecksum)
    }
}
