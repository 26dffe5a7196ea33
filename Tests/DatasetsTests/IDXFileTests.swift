import XCTest

@testable import Datasets

final class IDXFileTests: XCTestCase {
    func testParsesHeaderAndValues() throws {
        let bytes: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 3, 10, 11, 12, 20, 21, 22]
        let file = try IDXFile(parsing: bytes, name: "x")
        XCTAssertEqual(file.dimensions, [2, 1, 3])
        XCTAssertEqual(file.values, [10, 11, 12, 20, 21, 22])
        XCTAssertEqual(file.encoded(), bytes)
    }

    func testErrorsNameTheFileAndTheProblem() {
        let cases: [([UInt8], String)] = [
            ([0, 0], "f is not an IDX file: it has only 2 bytes, fewer than the 4-byte magic number"),
            (
                [0x1F, 0x8B, 8, 0, 1, 2],
                "f is not an IDX file: its magic number is 1f 8b 08 00, expected 00 00 08 <rank>"
            ),
            (
                [0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0],
                "f holds IDX element type 0x0d; only unsigned bytes (0x08) are supported"
            ),
            ([0, 0, 8, 0], "f is an IDX file of rank 0; expected at least one dimension"),
            ([0, 0, 8, 2, 0, 0, 0, 5], "f is truncated: 8 bytes, but its IDX header alone needs 12"),
            (
                [0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3],
                "f is truncated: 15 bytes, but its IDX header [2, 2] needs 16"
            ),
            ([0, 0, 8, 1, 0, 0, 0, 1, 7, 7], "f has 1 unexpected bytes after its IDX data [1]"),
        ]
        for (bytes, expected) in cases {
            XCTAssertEqual(TinyData.message { _ = try IDXFile(parsing: bytes, name: "f") }, expected)
        }
    }

    func testImageSetFromIDXPairChecksRanksAndCounts() throws {
        let images = IDXFile(dimensions: [2, 1, 2], values: [1, 2, 3, 4])
        let set = try IDXPair.imageSet(
            images: images, imagesName: "i",
            labels: IDXFile(dimensions: [2], values: [5, 6]), labelsName: "l")
        XCTAssertEqual(
            set, ImageSet(count: 2, height: 1, width: 2, channels: 1, pixels: [1, 2, 3, 4], labels: [5, 6]))
        let rgb = try IDXPair.imageSet(
            images: IDXFile(dimensions: [1, 1, 1, 3], values: [7, 8, 9]), imagesName: "i",
            labels: IDXFile(dimensions: [1], values: [0]), labelsName: "l")
        XCTAssertEqual(rgb.channels, 3)
        XCTAssertEqual(
            TinyData.message {
                _ = try IDXPair.imageSet(
                    images: images, imagesName: "i",
                    labels: IDXFile(dimensions: [3], values: [1, 2, 3]), labelsName: "l")
            }, "l has 3 labels but i has 2 images")
        XCTAssertEqual(
            TinyData.message {
                _ = try IDXPair.imageSet(
                    images: IDXFile(dimensions: [4], values: [1, 2, 3, 4]), imagesName: "i",
                    labels: IDXFile(dimensions: [4], values: [1, 2, 3, 4]), labelsName: "l")
            }, "i has IDX dimensions [4]; images need 3 (count, height, width) or 4 (count, height, width, channels)")
    }
}
