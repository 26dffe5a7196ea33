import Foundation
import XCTest

@testable import NotebookFormat

/// Table-driven: each malformed notebook and the exact, complete diagnostics it must produce.
/// Set NB_RECORD=1 to print the actual diagnostics as Swift literals (review before pasting).
final class MalformedNotebookTests: XCTestCase {
    /// A valid notebook that every case edits.
    static let base = """
        ---
        title: Base
        params:
          epochs: 20
        ---

        ```{dataset} mnist
        source: mnist
        ```

        ```{model} m
        Input(shape=(28, 28, 1))
        Flatten()
        Dense(10, activation="softmax")
        ```

        ```{train} m
        data: mnist
        optimizer: adam
        loss: sparse_categorical_crossentropy
        metrics: [accuracy]
        epochs: ${epochs}
        validation_split: 0.2
        ```

        ```{evaluate} e
        model: m
        ```

        Text.

        """

    struct Case {
        var name: String
        var replace: [(String, String)] = []
        var append = ""
        var overrides: [String: String] = [:]
        var expected: [String]

        var notebook: String {
            var text = MalformedNotebookTests.base
            for (a, b) in replace {
                precondition(text.contains(a), "case \(name): base has no `\(a)`")
                text = text.replacingOccurrences(of: a, with: b)
            }
            return text + append
        }
    }

    static let cases: [Case] = CaseTable.cases

    func testEveryMalformedNotebook() {
        XCTAssertGreaterThanOrEqual(Self.cases.count, 25)
        XCTAssertNotNil(parseOK(Self.base))
        let record = ProcessInfo.processInfo.environment["NB_RECORD"] != nil
        for c in Self.cases {
            let actual = parseErrors(c.notebook, overrides: c.overrides).map(\.description)
            if record {
                print("RECORD \(c.name): [")
                for d in actual {
                    print(
                        "    \"\"\"\n\(d.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))\n    \"\"\","
                    )
                }
                print("]")
            }
            XCTAssertEqual(actual, c.expected, "case \(c.name)")
        }
    }
}
