import Foundation
import XCTest
@testable import NotebookFormat

final class FixtureNotebookTests: XCTestCase {
    func testDropoutNotebookParses() throws {
        let nb: Notebook
        do { nb = try NotebookParser().parse(contentsOf: fixtures.appendingPathComponent("dropout.md")) } catch {
            return XCTFail("\(error)")
        }
        XCTAssertEqual(nb.frontMatter.title, "Dropoutはなぜ必要?効果を実験で見てみよう")
        XCTAssertEqual(nb.frontMatter.lang, "ja")
        XCTAssertEqual(nb.directives.map(\.id), ["mnist", "digits", "no_dropout", "with_dropout", "no_dropout", "with_dropout",
                                                 "no_dropout_test", "with_dropout_test", "accuracy", "loss", "summary", "mistakes", "cm"])
        print(nb.directives.map { "\($0.kind) \($0.id) deps=\($0.dependencies)\n\($0.normalizedBody)" }.joined(separator: "\n---\n"))
        for p in nb.prose { print(p.location, p.expressions.map(\.expression.source), p.references.map(\.label)) }
    }
}
