import Foundation
import XCTest

@testable import NotebookFormat

/// `callbacks:` on `train` and the `{report}` directive: Keras code pastes as written, in any list
/// form; every mistake is an error at its own line and column, before anything runs.
final class CallbackFormatTests: XCTestCase {
    /// A notebook whose train ends with `lines` from line 21 on.
    private func notebook(_ lines: String, metrics: String = "[accuracy]", split: String = "0.2") -> String {
        """
        ---
        title: Callbacks
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
        loss: sparse_categorical_crossentropy
        metrics: \(metrics)
        epochs: 20
        validation_split: \(split)
        \(lines)
        ```

        ```{evaluate} net_test
        model: net
        on: test
        ```

        """
    }

    private func callbacks(_ notebook: Notebook?) -> [CallbackDecl] {
        guard case .train(let t)? = notebook?.directive("net", kind: .train)?.payload else { return [] }
        return t.callbacks
    }

    func testKerasCallsParseInEveryListForm() throws {
        let flow = parseOK(
            notebook(
                #"callbacks: [keras.callbacks.EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True), ReduceLROnPlateau("val_accuracy", 0.5, 2, min_lr=1e-5)]"#
            ))
        let block = parseOK(
            notebook(
                """
                callbacks:
                  - EarlyStopping(monitor="val_loss", patience=3,
                                  restore_best_weights=True)   # a call may span lines
                  - tf.keras.callbacks.ReduceLROnPlateau(monitor="val_accuracy", factor=0.5, patience=2, min_lr=0.00001)
                """))
        let expected = [
            CallbackDecl(
                name: .earlyStopping,
                arguments: ["monitor": .text("val_loss"), "patience": .integer(3), "restore_best_weights": .flag(true)]),
            CallbackDecl(
                name: .reduceLROnPlateau,
                arguments: [
                    "monitor": .text("val_accuracy"), "factor": .number(0.5), "patience": .integer(2),
                    "min_lr": .number(1e-5),
                ]),
        ]
        XCTAssertEqual(callbacks(flow), expected)
        XCTAssertEqual(callbacks(block), expected)
        let single = parseOK(notebook("callbacks: EarlyStopping()"))
        XCTAssertEqual(callbacks(single), [CallbackDecl(name: .earlyStopping, arguments: [:])])
        XCTAssertEqual(callbacks(single).first?.monitor, "val_loss", "Keras' default monitor")
    }

    /// Values: `stopped_epoch` and `best_epoch` exist with EarlyStopping only; the learning rate
    /// history always.
    func testValuesFollowTheCallbacks() throws {
        let with = try XCTUnwrap(parseOK(notebook("callbacks: [EarlyStopping(patience=2)]")))
        let without = try XCTUnwrap(parseOK(notebook("shuffle: true")))
        XCTAssertNotNil(with.values(of: "net")["stopped_epoch"])
        XCTAssertNotNil(with.values(of: "net")["best_epoch"])
        XCTAssertNil(without.values(of: "net")["stopped_epoch"])
        XCTAssertNotNil(without.values(of: "net")["history.learning_rate"])
        XCTAssertNotNil(without.values(of: "net")["history.lr"])
    }

    func testMistakesAreLocated() {
        let errors = parseErrors(
            notebook(
                """
                callbacks:
                  - EarlyStoping(patience=3)
                  - EarlyStopping(monitr="val_loss", patience=-1, mode="best")
                  - ReduceLROnPlateau(factor=2, cooldown=1.5, monitor="val_acc")
                  - ModelCheckpoint("best.keras")
                """))
        let found = errors.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        XCTAssertEqual(
            found,
            [
                "22:5 unknown callback `EarlyStoping`",
                "23:19 `EarlyStopping` has no argument `monitr`",
                "23:47 `EarlyStopping` argument `patience` must be a whole number >= 0, got `-1`",
                "23:56 `EarlyStopping` argument `mode` must be one of \"auto\", \"min\", \"max\", got `\"best\"`",
                "24:30 `ReduceLROnPlateau` argument `factor` must be below 1.0, got `2`",
                "24:42 `ReduceLROnPlateau` argument `cooldown` must be a whole number >= 0, got `1.5`",
                "25:5 unknown callback `ModelCheckpoint`",
            ])
        XCTAssertEqual(errors.first?.suggestion, "did you mean `EarlyStopping`?")
    }

    func testMonitorMustBeRecorded() {
        let noValidation = parseErrors(notebook("callbacks: [EarlyStopping(monitor=\"val_loss\")]", split: "0"))
        XCTAssertEqual(noValidation.map(\.message), ["`EarlyStopping` monitors `val_loss`, which this train does not record"])
        XCTAssertEqual(noValidation.first?.location.line, 21)
        XCTAssertEqual(noValidation.first?.location.column, 35)
        XCTAssertEqual(
            noValidation.first?.suggestion,
            "`val_loss` needs validation rows: add `validation_split: 0.2`, or monitor `loss`")
        let misspelt = parseErrors(notebook("callbacks: [EarlyStopping(\"val_acuracy\")]"))
        XCTAssertEqual(misspelt.first?.suggestion, "did you mean `val_accuracy`?")
        let twice = parseErrors(notebook("callbacks: [EarlyStopping(), EarlyStopping(patience=2)]"))
        XCTAssertEqual(twice.map(\.message), ["`EarlyStopping` is listed twice"])
    }

    func testReport() throws {
        let ok = try XCTUnwrap(
            parseOK(notebook("shuffle: true") + "\n```{report} per_class\n#| label: tbl-report\nmodel: net_test\ndigits: 3\n```\n"))
        guard case .report(let decl)? = ok.directive("per_class", kind: .report)?.payload else {
            return XCTFail("no report")
        }
        XCTAssertEqual(decl, ReportDecl(model: "net_test", digits: 3))
        let wrong = parseErrors(notebook("shuffle: true") + "\n```{report} per_class\nmodel: net\ndigits: 9\n```\n")
        XCTAssertEqual(wrong.count, 2)
        XCTAssertTrue(wrong.contains { $0.location.line == 30 && $0.message.contains("`evaluate`") }, "\(wrong)")
        XCTAssertTrue(wrong.contains { $0.location.line == 31 && $0.message.contains("digits") }, "\(wrong)")
    }
}
