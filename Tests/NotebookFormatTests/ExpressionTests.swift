import XCTest

@testable import NotebookFormat

final class ExpressionTests: XCTestCase {
    private func expr(_ text: String) throws -> NotebookFormat.Expression {
        try ExpressionParser.parse(text) { SourceLocation(file: "t.md", line: 1, column: $0 + 1) }
    }

    private let history: [Double] = [0.30, 0.10, 0.05, 0.07, 0.09]

    private func render(_ text: String) throws -> RenderedValue {
        try expr(text).evaluate { path in
            let root = path.root
            switch (root, path.members) {
            case ("m", ["history", "val_loss"]): return .series(self.history)
            case ("m", ["params"]): return .integer(693_962)
            case ("e", ["accuracy"]): return .number(0.98765)
            default: throw ExpressionError("no \(root)")
            }
        }
    }

    func testParsesPathAccessorsAndFilters() throws {
        let e = try expr(" m.history.val_loss.argmin | int ")
        XCTAssertEqual(e.path.root, "m")
        XCTAssertEqual(e.path.members, ["history", "val_loss"])
        XCTAssertEqual(e.path.accessors, [.argmin])
        XCTAssertEqual(e.filters, [FilterCall(name: "int", arguments: [])])
        XCTAssertEqual(e.source, "m.history.val_loss.argmin | int")
        XCTAssertEqual(e.path.location.column, 2)
        XCTAssertEqual(try expr("m.history.val_loss[-1]").path.accessors, [.index(-1)])
        XCTAssertEqual(try expr("e.accuracy | percent(2)").filters, [FilterCall(name: "percent", arguments: [2])])
    }

    func testAccessorsAreOneBased() throws {
        XCTAssertEqual(try render("m.history.val_loss.argmin").text, "3")
        XCTAssertEqual(try render("m.history.val_loss.argmax").text, "1")
        XCTAssertEqual(try render("m.history.val_loss[1]").number, 0.30)
        XCTAssertEqual(try render("m.history.val_loss[5]").number, 0.09)
        XCTAssertEqual(try render("m.history.val_loss[-1]").number, 0.09)
        XCTAssertEqual(try render("m.history.val_loss.first").number, 0.30)
        XCTAssertEqual(try render("m.history.val_loss.last").number, 0.09)
        XCTAssertEqual(try render("m.history.val_loss.min").number, 0.05)
        XCTAssertEqual(try render("m.history.val_loss.max").number, 0.30)
        XCTAssertThrowsError(try render("m.history.val_loss[6]"))
    }

    func testArgminTakesTheFirstOfEqualValues() throws {
        let e = try expr("m.s.argmin")
        XCTAssertEqual(try e.evaluate { _ in .series([2, 1, 1, 3]) }.text, "2")
        XCTAssertEqual(try expr("m.s.argmax").evaluate { _ in .series([3, 1, 3]) }.text, "1")
    }

    func testFilters() throws {
        XCTAssertEqual(try render("e.accuracy | percent(2)").text, "98.77%")
        XCTAssertEqual(try render("e.accuracy | percent").text, "99%")
        XCTAssertEqual(try render("e.accuracy | fixed(3)").text, "0.988")
        XCTAssertEqual(try render("m.params | thousands").text, "693,962")
        XCTAssertEqual(try render("e.accuracy").text, "0.98765")
        XCTAssertEqual(try render("m.params").text, "693962")
        XCTAssertEqual(try render("m.history.val_loss.min | int").text, "0")
        XCTAssertEqual(try render("e.accuracy | percent(2)").number, 0.98765)
    }

    func testDefaultNumberFormatHasSevenSignificantDigits() {
        XCTAssertEqual(NotebookFormat.Expression.significant(0.9876543283462524), "0.9876543")
        XCTAssertEqual(NotebookFormat.Expression.significant(1.0), "1")
        XCTAssertEqual(NotebookFormat.Expression.significant(123.456), "123.456")
        XCTAssertEqual(NotebookFormat.Expression.significant(-0.5), "-0.5")
        XCTAssertEqual(NotebookFormat.Expression.significant(1.5e-7), "1.5e-07")
        XCTAssertEqual(NotebookFormat.Expression.grouped(-1_234_567), "-1,234,567")
        XCTAssertEqual(NotebookFormat.Expression.grouped(999), "999")
    }

    func testSeriesWithoutAccessorIsAnEvaluationError() {
        XCTAssertThrowsError(try render("m.history.val_loss")) { error in
            XCTAssertEqual(
                "\(error)", "`m.history.val_loss` is a series; pick one value with .last, .min, .argmin, [i], ...")
        }
    }

    func testParseFailures() {
        for (text, message) in [
            ("m.x[0]", "positions are 1-based; `[0]` does not exist"),
            ("m.x | fixed", "`fixed` needs the number of decimals, e.g. `fixed(4)`"),
            ("m.x | thousands | int", "`thousands` already turned the value into text; `int` cannot follow it"),
            ("m.x.last.y", "`y` cannot follow an accessor"),
            ("m.x | percent(20)", "`percent` takes a number of decimals from 0 to 15"),
            ("m.x +", "unexpected `+` in expression"),
            ("   ", "empty expression"),
        ] {
            XCTAssertThrowsError(try expr(text), text) { error in
                XCTAssertEqual((error as? ExpressionParser.Failure)?.message, message, text)
            }
        }
    }
}
