import XCTest

@testable import Datasets

final class CSVImageReaderTests: XCTestCase {
    private func parse(_ text: String) throws -> ImageSet {
        try CSVImageReader.parse(Array(text.utf8), name: "d.csv")
    }

    func testHeaderIsOptionalAndSquareRowsBecomeImages() throws {
        let expected = ImageSet(
            count: 2, height: 2, width: 2, channels: 1, pixels: [0, 1, 2, 3, 255, 254, 253, 252], labels: [7, 3])
        XCTAssertEqual(try parse("label,1x1,1x2,2x1,2x2\n7,0,1,2,3\n3,255,254,253,252\n"), expected)
        XCTAssertEqual(try parse("7,0,1,2,3\n3,255,254,253,252"), expected)
        // BOM, CRLF, blank lines and spaces around fields are accepted.
        XCTAssertEqual(try parse("\u{FEFF}label,a,b,c,d\r\n\r\n7, 0,1 ,2,3\r\n\n3,255,254,253,252\r\n\r\n"), expected)
    }

    func testNonSquareRowsAreOneRowImages() throws {
        let set = try parse("1,10,20,30\n0,40,50,60\n")
        XCTAssertEqual([set.count, set.height, set.width, set.channels], [2, 1, 3, 1])
        XCTAssertEqual(set.pixels, [10, 20, 30, 40, 50, 60])
        XCTAssertEqual(set.labels, [1, 0])
    }

    func testErrorsGiveFileLineAndColumn() {
        let cases: [(String, String)] = [
            ("a,b\n", "d.csv has no data rows"),
            ("", "d.csv has no data rows"),
            ("5\n", "d.csv:1: a row needs a label and at least one pixel value, found 1 field"),
            ("h,p1,p2\n1,2,3\n1,2\n", "d.csv:3: 2 fields, but line 2 has 3 (a label and 2 pixels)"),
            ("1,2,3\n1,2,3,4\n", "d.csv:2: 4 fields, but line 1 has 3 (a label and 2 pixels)"),
            ("1,2,256\n", "d.csv:1:5: field 3 is above 255; expected an integer from 0 to 255"),
            ("1,2,3\n1,-2,3\n", "d.csv:2:3: field 2 is not an integer; expected an integer from 0 to 255"),
            ("1,2,3\n1,2.5,3\n", "d.csv:2:3: field 2 is not an integer; expected an integer from 0 to 255"),
            ("1,,3\n", "d.csv:1:3: field 2 is empty; expected an integer from 0 to 255"),
            ("1,12345,3\n", "d.csv:1:3: field 2 is above 255; expected an integer from 0 to 255"),
            // Issue 18: the file's own text is never echoed (it might be a key file or /etc/shadow).
            ("0,1\n1, hunter2 ,3\n", "d.csv:2:4: field 2 is not an integer; expected an integer from 0 to 255"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(TinyData.message { _ = try parse(text) }, expected, "input: \(text.debugDescription)")
        }
    }
}
