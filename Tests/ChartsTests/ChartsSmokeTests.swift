import XCTest
@testable import Charts

final class ChartsSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertEqual(ChartsModule.name, "Charts") }
}
