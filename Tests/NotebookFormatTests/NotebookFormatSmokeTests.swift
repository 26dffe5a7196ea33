import XCTest
@testable import NotebookFormat

final class NotebookFormatSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertEqual(NotebookFormatModule.name, "NotebookFormat") }
}
