import Vocabulary
import XCTest

/// The one cross-reference grammar the checker and the page share.
final class CrossReferenceGrammarTests: XCTestCase {
    private func labels(_ text: String) -> [String] { CrossReferenceGrammar.matches(in: text).map(\.label) }

    func testBothCasesOfThePrefixNameTheSameLabel() {
        let matches = CrossReferenceGrammar.matches(in: "See @Fig-acc and @fig-acc.")
        XCTAssertEqual(matches.map(\.label), ["fig-acc", "fig-acc"])
        XCTAssertEqual(matches.map(\.capitalized), [true, false])
        XCTAssertEqual(matches.map(\.kind), [.figure, .figure])
    }

    func testLabelsEndBeforePunctuationAndJapaneseLetters() {
        XCTAssertEqual(labels("@fig-acc. @tbl-a.b: @fig-x:y @fig-accの図"), ["fig-acc", "tbl-a.b", "fig-x:y", "fig-acc"])
    }

    func testEmailAddressesAndWordsAreNotReferences() {
        XCTAssertEqual(labels("shou@fig-x.com a@tbl-b x-@fig-c @figure @fig-"), [])
    }

    func testQuartoFormsKeepTheirWrittenRange() {
        let text = Array("([@fig-a], -@tbl-b)")
        let matches = CrossReferenceGrammar.matches(in: String(text))
        XCTAssertEqual(matches.map(\.form), [.bracketed, .numberOnly])
        XCTAssertEqual(matches.map { String(text[$0.range]) }, ["[@fig-a]", "-@tbl-b"])
    }

    func testDeclaredLabelsAreLowerCaseAndWhole() {
        XCTAssertTrue(CrossReferenceGrammar.isLabel("fig-acc_2", of: .figure))
        XCTAssertFalse(CrossReferenceGrammar.isLabel("Fig-acc", of: .figure))
        XCTAssertFalse(CrossReferenceGrammar.isLabel("fig-acc-", of: .figure))
        XCTAssertFalse(CrossReferenceGrammar.isLabel("tbl-acc", of: .figure))
        XCTAssertFalse(CrossReferenceGrammar.isLabel("fig-精度", of: .figure))
    }
}
