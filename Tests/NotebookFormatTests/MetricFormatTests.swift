import Foundation
import XCTest

@testable import NotebookFormat

/// `metrics:` on `train`: Keras' names, its metric classes as calls with `k`, and nbrun's
/// `top_k_accuracy`; the values each gives; mistakes located before anything runs.
final class MetricFormatTests: XCTestCase {
    /// A notebook whose train's `metrics:` value (line 18, column 10) is `metrics`.
    private func notebook(
        _ metrics: String, loss: String = "sparse_categorical_crossentropy", extra: String = "shuffle: true"
    ) -> String {
        """
        ---
        title: Metrics
        ---

        ```{dataset} mnist
        source: mnist
        ```

        ```{model} net
        Input(shape=(28, 28, 1))
        Flatten()
        Dense(10, activation="softmax")
        ```

        ```{train} net
        data: mnist
        loss: \(loss)
        metrics: \(metrics)
        epochs: 20
        validation_split: 0.2
        \(extra)
        ```

        ```{evaluate} net_test
        model: net
        on: test
        ```

        """
    }

    private func train(_ notebook: Notebook?) -> TrainDecl? {
        guard case .train(let t)? = notebook?.directive("net", kind: .train)?.payload else { return nil }
        return t
    }

    func testKerasSpellingsParse() throws {
        let cases: [(String, String, [MetricName], Int)] = [
            (
                "[accuracy, sparse_top_k_categorical_accuracy]", "sparse_categorical_crossentropy",
                [.accuracy, .sparseTopKCategoricalAccuracy], 5
            ),
            (
                #"["accuracy", "top_k_accuracy"]"#, "sparse_categorical_crossentropy",
                [.accuracy, .sparseTopKCategoricalAccuracy], 5
            ),
            ("[top_k_accuracy]", "categorical_crossentropy", [.topKCategoricalAccuracy], 5),
            (
                "[accuracy, keras.metrics.SparseTopKCategoricalAccuracy(k=3)]", "sparse_categorical_crossentropy",
                [.accuracy, .sparseTopKCategoricalAccuracy], 3
            ),
            (
                "[TopKCategoricalAccuracy(2), accuracy]", "categorical_crossentropy",
                [.topKCategoricalAccuracy, .accuracy], 2
            ),
            ("keras.metrics.top_k_categorical_accuracy", "categorical_crossentropy", [.topKCategoricalAccuracy], 5),
            (
                "[SparseTopKCategoricalAccuracy()]", "sparse_categorical_crossentropy",
                [.sparseTopKCategoricalAccuracy], 5
            ),
        ]
        for (metrics, loss, expected, k) in cases {
            let decl = try XCTUnwrap(train(parseOK(notebook(metrics, loss: loss))), metrics)
            XCTAssertEqual(decl.metrics, expected, metrics)
            XCTAssertEqual(decl.topK, k, metrics)
            XCTAssertEqual(decl.recordedTopK, k, metrics)
        }
        XCTAssertEqual(train(parseOK(notebook("[accuracy]")))?.recordedTopK, 0)
    }

    /// The cache key reads the metrics by Keras name: a train without top-k keeps today's text, the
    /// string and the class call with k = 5 are one key, another k is another.
    func testNormalisedBody() throws {
        func body(_ metrics: String) throws -> String {
            try XCTUnwrap(parseOK(notebook(metrics))?.directive("net", kind: .train)?.normalizedBody)
        }
        XCTAssertTrue(try body("[accuracy]").contains("metrics=accuracy\n"))
        XCTAssertEqual(
            try body("[accuracy, top_k_accuracy]"), try body("[accuracy, SparseTopKCategoricalAccuracy(k=5)]"))
        XCTAssertTrue(
            try body("[accuracy, top_k_accuracy]").contains("metrics=accuracy,sparse_top_k_categorical_accuracy\n"))
        XCTAssertTrue(
            try body("[accuracy, SparseTopKCategoricalAccuracy(k=3)]")
                .contains("metrics=accuracy,sparse_top_k_categorical_accuracy(k=3)\n"))
    }

    /// History keys and evaluate values under Keras' names; callbacks may monitor them.
    func testValuesUseKerasNames() throws {
        let nb = try XCTUnwrap(
            parseOK(
                notebook(
                    "[accuracy, top_k_accuracy]",
                    extra: #"callbacks: [EarlyStopping(monitor="val_sparse_top_k_categorical_accuracy", patience=2)]"#))
        )
        let trainValues = nb.values(of: "net")
        XCTAssertNotNil(trainValues["history.sparse_top_k_categorical_accuracy"])
        XCTAssertNotNil(trainValues["history.val_sparse_top_k_categorical_accuracy"])
        XCTAssertNil(trainValues["history.top_k_accuracy"])
        XCTAssertNotNil(nb.values(of: "net_test")["sparse_top_k_categorical_accuracy"])
        XCTAssertNil(
            try XCTUnwrap(parseOK(notebook("[accuracy]"))).values(of: "net_test")["sparse_top_k_categorical_accuracy"])
    }

    func testMistakesAreLocated() {
        let cases: [(String, String, String?)] = [
            ("[accuracy, top5]", "18:21 unknown metric `top5`", nil),
            (
                "[accuracy, SparseTopKCategoricalAccuracy]", "18:21 unknown metric `SparseTopKCategoricalAccuracy`",
                "a metric class is a call: `SparseTopKCategoricalAccuracy(k=5)`"
            ),
            (
                "[SparseTopKCategoricalAccuracy(k=0)]",
                "18:43 `SparseTopKCategoricalAccuracy` argument `k` must be a whole number >= 1, got `0`", nil
            ),
            (
                #"[SparseTopKCategoricalAccuracy(name="top3")]"#,
                "18:41 nbrun takes only `k` of `SparseTopKCategoricalAccuracy`, not `name`",
                "the history records it under Keras' default name, `sparse_top_k_categorical_accuracy`"
            ),
            ("[SparseTopKAccuracy(k=3)]", "18:11 unknown metric class `SparseTopKAccuracy`", nil),
            ("[accuracy, accuracy]", "18:21 `accuracy` is listed twice", nil),
            (
                "[top_k_accuracy, TopKCategoricalAccuracy(k=3)]",
                "18:27 a train records one top-k accuracy, and `sparse_top_k_categorical_accuracy` is already listed",
                nil
            ),
        ]
        for (metrics, expected, suggestion) in cases {
            let errors = parseErrors(notebook(metrics))
            XCTAssertEqual(
                errors.map { "\($0.location.line):\($0.location.column) \($0.message)" }, [expected], metrics)
            if let suggestion { XCTAssertEqual(errors.first?.suggestion, suggestion, metrics) }
        }
        let misspelt = parseErrors(notebook("[acuracy]"))
        XCTAssertEqual(misspelt.first?.suggestion, "did you mean `accuracy`?")
    }
}
