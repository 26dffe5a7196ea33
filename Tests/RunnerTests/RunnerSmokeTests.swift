import XCTest
@testable import Runner

final class RunnerSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertEqual(RunnerModule.name, "Runner") }
}
