import XCTest

@testable import NotebookFormat

/// The error example printed in docs/notebook-format.md ("Checking") is real output.
final class DocumentationExampleTests: XCTestCase {
    func testCheckingExample() {
        let notebook = """
            ```{dataset} mnist
            source: mnist
            ```

            ```{model} no_dropout
            Input(shape=(28, 28, 1))
            Flatten()
            Dense(10, activation="softmax")
            ```

            ```{train} no_dropout
            data: mnist
            loss: sparse_categorical_crossentropy
            epoch: 20
            validation_split: 0.2
            ```

            最小は {{ no_dropout.history.val_los.min }} でした。

            """
        do {
            _ = try NotebookParser().parse(source: notebook, file: "article.md")
            XCTFail("expected errors")
        } catch {
            XCTAssertEqual(
                "\(error)",
                """
                article.md:14:1: error: unknown key `epoch` in `train` directive `no_dropout`
                    epoch: 20
                    ^~~~~
                    did you mean `epochs`?
                article.md:18:8: error: `train` directive `no_dropout` has no value `history.val_los`
                    最小は {{ no_dropout.history.val_los.min }} でした。
                              ^~~~~~~~~~~~~~~~~~~~~~~~~~
                    did you mean `history.val_loss`?
                2 errors
                """)
        }
    }
}
