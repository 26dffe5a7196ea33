import XCTest

@testable import NotebookFormat

/// `prune`, `sweep` and `histogram`: parsing, defaults, normalised bodies, values and errors.
final class PruningFormatTests: XCTestCase {
    private let head = """
        ---
        params:
          epochs: 2
        ---

        ```{dataset} mnist
        source: mnist
        ```

        ```{model} m
        Input(shape=(28, 28, 1))
        Conv2D(8, 3, activation="relu")
        MaxPooling2D()
        Flatten()
        Dense(16, activation="relu")
        Dropout(0.5)
        Dense(10, activation="softmax")
        ```

        ```{train} t
        model: m
        data: mnist
        optimizer: adam
        loss: sparse_categorical_crossentropy
        metrics: [accuracy]
        epochs: ${epochs}
        validation_split: 0.2
        ```

        """

    private func messages(_ text: String) -> [String] {
        parseErrors(head + text).map {
            "\($0.location.line):\($0.location.column): \($0.message)" + ($0.suggestion.map { " | \($0)" } ?? "")
        }
    }

    func testPruneParsesWithDefaultsAndValues() throws {
        let notebook = try XCTUnwrap(
            parseOK(
                head + """
                    ```{prune} p
                    #| label: tbl-p
                    model: t
                    sparsity: [0.5, 0.9]
                    fine_tune: {epochs: 2, learning_rate: 1e-4}
                    ```

                    Kept {{ p.nonzero.dense[2] }} of {{ p.prunable }}; {{ p.accuracy_finetuned.last | percent(2) }}, conv {{ p.nonzero.conv2d.last }}.
                    """))
        guard case .prune(let decl)? = notebook.directive("p")?.payload else { return XCTFail("not a prune") }
        XCTAssertEqual(decl.model, "t")
        XCTAssertEqual(decl.method, "magnitude")
        XCTAssertEqual(decl.scope, "global")
        XCTAssertEqual(decl.sparsity, [0.5, 0.9])
        XCTAssertEqual(decl.fineTune, FineTuneDecl(epochs: 2, learningRate: 1e-4))
        XCTAssertEqual(decl.latencyBatch, 1000)
        XCTAssertEqual(notebook.directive("p")?.dependencies, ["t"])
        let values = notebook.values(of: "p")
        XCTAssertEqual(values["nonzero.dense_1"]?.shape, .series)
        XCTAssertEqual(values["accuracy_finetuned"]?.shape, .series)
        XCTAssertEqual(values["prunable"]?.shape, .integer)
        XCTAssertNil(values["nonzero.dropout"])
        XCTAssertTrue(notebook.directive("p")!.normalizedBody.contains("sparsity=0.5,0.9"))
    }

    func testNormalizedBodyIgnoresSpellingAndOrder() throws {
        let a = try XCTUnwrap(parseOK(head + "```{prune} p\nmodel: t\nsparsity: [0.5, 0.9]\nscope: layer\n```\n"))
        let b = try XCTUnwrap(
            parseOK(
                head
                    + "```{prune} p\nscope: layer   # per layer\nsparsity: [.5, 0.90]\nmodel: t\nmethod: magnitude\n```\n"
            ))
        XCTAssertEqual(a.directive("p")?.normalizedBody, b.directive("p")?.normalizedBody)
    }

    func testSweepParsesNumbersAndPerLayerLists() throws {
        let notebook = try XCTUnwrap(
            parseOK(
                head + """
                    ```{sweep} s
                    train: t
                    vary: rate
                    values: [0, 0.2, [0.5]]
                    ```

                    Best {{ s.test_accuracy.max | percent(2) }} at {{ s.values[2] }}; {{ s.val_loss_min.first }}.
                    """))
        guard case .sweep(let decl)? = notebook.directive("s")?.payload else { return XCTFail("not a sweep") }
        XCTAssertEqual(decl.values, [[0], [0.2], [0.5]])
        XCTAssertEqual(notebook.values(of: "s")["val_accuracy_final"]?.shape, .series)
    }

    func testHistogramParses() throws {
        let notebook = try XCTUnwrap(
            parseOK(
                head + """
                    ```{prune} p
                    model: t
                    sparsity: [0.9]
                    ```

                    ```{histogram} h
                    #| label: fig-h
                    prune: p
                    sparsity: 0.9
                    layer: dense
                    yscale: log
                    ```
                    """))
        guard case .histogram(let decl)? = notebook.directive("h")?.payload else { return XCTFail("not a histogram") }
        XCTAssertEqual(decl.layer, "dense")
        XCTAssertEqual(decl.yscale, "log")
        XCTAssertEqual(notebook.directive("h")?.dependencies, ["p"])
    }

    func testPruneErrors() {
        XCTAssertEqual(
            messages("```{prune} p\nmodel: m\nsparsity: [1.0]\nscope: globl\n```\n"),
            [
                "30:8: `model` must name a `train` directive, but `m` is a `model`",
                "31:12: `sparsity` must be >= 0 and < 1, got `1.0`",
                "32:8: unknown pruning scope `globl` | did you mean `global`?",
            ])
        XCTAssertEqual(
            messages("```{prune} p\nmodel: t\nsparsity: [0.5, 0.5]\nfine_tune: {epoch: 2, ramp: 0.3}\n```\n"),
            [
                "31:17: sparsity 0.5 is listed twice",
                "32:13: unknown key `epoch` in `fine_tune` | did you mean `epochs`?",
                "32:23: `fine_tune.ramp` only applies to `schedule: gradual` | add `schedule: gradual` or remove `ramp`",
            ])
        XCTAssertEqual(
            messages("```{prune} p\nmodel: t\n```\n"),
            [
                "29:1: `prune` directive `p` needs `sparsity:` | add a line such as `sparsity: [0.5, 0.8, 0.9, 0.95]`"
            ])
    }

    func testValuePathsOfPruneAreChecked() {
        let errors = messages(
            "```{prune} p\nmodel: t\nsparsity: [0.5]\n```\n\n{{ p.accuracy_finetuned.last }} {{ p.nonzero.dens.last }} {{ p.accuracy }}\n"
        )
        XCTAssertEqual(errors.count, 3, "\(errors)")
        XCTAssertTrue(errors[0].contains("has no value `accuracy_finetuned`"), errors[0])
        XCTAssertTrue(
            errors[1].contains("has no value `nonzero.dens`") && errors[1].contains("nonzero.dense"), errors[1])
        XCTAssertTrue(errors[2].contains("is a series"), errors[2])
    }

    func testPositionsOfPruneAndSweepSeriesAreCheckedBeforeRunning() {
        let text =
            "```{prune} p\nmodel: t\nsparsity: [0.5, 0.9]\n```\n\n```{sweep} s\ntrain: t\nvary: rate\nvalues: [0.1, 0.3, 0.5]\n```\n\n"
            + "{{ p.accuracy[2] }} {{ p.accuracy[3] }} {{ s.values[-3] }} {{ s.values[4] }}\n"
        XCTAssertEqual(
            messages(text),
            [
                "40:24: `p.accuracy[3]` is out of range: `p` prunes to 2 sparsities | positions run from 1 to 2",
                "40:63: `s.values[4]` is out of range: `s` sweeps 3 values | positions run from 1 to 3",
            ])
    }

    func testSweepErrors() {
        let noDropout = head.replacingOccurrences(of: "Dropout(0.5)\n", with: "")
        let errors = parseErrors(noDropout + "```{sweep} s\ntrain: t\nvary: rate\nvalues: [0.1, [0.1, 0.2]]\n```\n")
            .map(\.message)
        XCTAssertEqual(
            errors,
            [
                "`vary: rate` needs a Dropout layer, but model `m` has none",
                "a list of 2 rates needs 2 Dropout layers, but model `m` has 0",
            ])
        XCTAssertEqual(
            messages("```{sweep} s\ntrain: m\nvary: rates\nvalues: [1.5]\n```\n"),
            [
                "30:8: `train` must name a `train` directive, but `m` is a `model`",
                "31:7: unknown sweep setting `rates` | did you mean `rate`?",
                "32:10: `rate` must be >= 0 and < 1, got `1.5`",
            ])
        XCTAssertEqual(
            messages("```{sweep} s\ntrain: t\nvary: epochs\nvalues: []\n```\n"),
            [
                "32:9: `values` is empty; a sweep needs at least one value"
            ])
    }

    func testHistogramErrors() {
        let prune = "```{prune} p\nmodel: t\nsparsity: [0.5, 0.9]\n```\n\n"
        XCTAssertEqual(
            messages(prune + "```{histogram} h\nprune: p\nsparsity: 0.8\nlayer: dens\n```\n"),
            [
                "36:11: `p` does not prune to sparsity 0.8 | its levels are `0.5`, `0.9`",
                "37:8: model `m` has no layer with a kernel named `dens` | did you mean `dense`?",
            ])
        XCTAssertEqual(
            messages(prune + "```{histogram} h\n#| label: tbl-h\nprune: t\nsparsity: 0.5\n```\n"),
            [
                "35:11: a `histogram` label must start with `fig-` | e.g. `fig-h`",
                "36:8: `prune` must name a `prune` directive, but `t` is a `train`",
            ])
    }
}
