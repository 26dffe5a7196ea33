import XCTest
@testable import Article

final class ArticleSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertEqual(ArticleModule.name, "Article") }
}
