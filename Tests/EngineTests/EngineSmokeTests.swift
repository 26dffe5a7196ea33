import XCTest
@testable import Engine

final class EngineSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertEqual(EngineModule.name, "Engine") }
}
