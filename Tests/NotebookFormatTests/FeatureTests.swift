import Foundation
import XCTest

@testable import NotebookFormat

/// Every feature of docs/notebook-format.md, in Fixtures/features.md, parses to what the page says.
final class FeatureTests: XCTestCase {
    private func load(overrides: [String: String] = [:]) throws -> Notebook {
        do {
            return try NotebookParser().parse(
                contentsOf: fixtures.appendingPathComponent("features.md"), overrides: overrides)
        } catch {
            XCTFail("\(error)")
            throw error
        }
    }

    func testFrontMatter() throws {
        let fm = try load().frontMatter
        XCTAssertEqual(fm.title, "Every feature")
        XCTAssertEqual(fm.author, "Someone")
        XCTAssertEqual(fm.date, "2026-11-23")
        XCTAssertEqual(fm.lang, "ja")
        XCTAssertEqual(fm.seed, 42)
        XCTAssertEqual(fm.template, "plain")
        XCTAssertEqual(fm.dataDir, "data")
        XCTAssertEqual(fm.params.map(\.name), ["epochs", "rate", "bias", "act"])
        XCTAssertEqual(fm.params.map(\.value), [.int(3), .double(0.25), .bool(false), .string("relu")])
    }

    func testDatasets() throws {
        let nb = try load()
        guard case .dataset(let a)? = nb.directive("digits")?.payload,
            case .dataset(let b)? = nb.directive("id_files")?.payload,
            case .dataset(let c)? = nb.directive("csv_one")?.payload,
            case .dataset(let d)? = nb.directive("csv_two")?.payload
        else { return XCTFail("datasets") }
        XCTAssertEqual(a, DatasetDecl(source: .fashionMNIST, scale: 255, trainLimit: 1000, testLimit: 200))
        XCTAssertEqual(b, DatasetDecl(source: .idx("mnist-idx"), dataDir: "elsewhere"))
        XCTAssertEqual(nb.directive("id_files")?.display.echo, false)
        XCTAssertEqual(c.source, .csv(train: "mnist_train.csv", test: nil))
        XCTAssertEqual(d, DatasetDecl(source: .csv(train: "mnist_train.csv", test: "mnist_test.csv"), scale: 1))
    }

    func testModelLayersWithKerasDefaults() throws {
        let nb = try load()
        let cnn = try XCTUnwrap(nb.directive("cnn", kind: .model))
        XCTAssertEqual(cnn.display, DisplayOptions(echo: true, caption: "The CNN", label: "tbl-cnn"))
        guard case .model(let m) = cnn.payload else { return XCTFail("model") }
        XCTAssertEqual(
            m.layers.map(\.spec),
            [
                .input(shape: [28, 28, 1]),
                .conv2D(
                    filters: 16, kernelSize: [3, 3], strides: [1, 1], padding: .same, activation: .relu,
                    useBias: false),
                .batchNormalization(momentum: 0.9, epsilon: 1e-5),
                .activation(.relu),
                .maxPooling2D(poolSize: [2, 2], strides: nil, padding: .valid),
                .averagePooling2D(poolSize: [2, 2], strides: [1, 1], padding: .same),
                .conv2D(
                    filters: 8, kernelSize: [3, 3], strides: [1, 1], padding: .valid, activation: .linear,
                    useBias: true),
                .flatten,
                .dense(units: 32, activation: .linear, useBias: true),
                .dropout(rate: 0.25),
                .dense(units: 10, activation: .softmax, useBias: true),
            ])
        XCTAssertEqual(m.layers[8].name, "hidden")
        XCTAssertEqual(m.layers[1].location, SourceLocation(file: m.layers[1].location.file, line: 43, column: 8))
        XCTAssertEqual(m.layers[6].text, "Conv2D( filters=8, kernel_size=3, )")
        guard case .model(let mlp)? = nb.directive("mlp", kind: .model)?.payload else { return XCTFail("mlp") }
        XCTAssertEqual(
            mlp.layers.map(\.spec),
            [
                .input(shape: [28, 28, 1]), .flatten,
                .dense(units: 64, activation: .sigmoid, useBias: true),
                .dense(units: 10, activation: .softmax, useBias: true),
            ])
    }

    func testTrainAndEvaluate() throws {
        let nb = try load()
        let cnn = try XCTUnwrap(nb.directive("cnn"))
        XCTAssertEqual(cnn.kind, .train)
        guard case .train(let t) = cnn.payload else { return XCTFail("train") }
        XCTAssertEqual(
            t,
            TrainDecl(
                model: "cnn", data: "digits",
                optimizer: OptimizerDecl(name: .sgd, learningRate: 0.01, momentum: 0.9, nesterov: true),
                loss: .sparseCategoricalCrossentropy, metrics: [.accuracy], epochs: 3,
                batchSize: 64, validationSplit: 0.1, shuffle: false))
        XCTAssertEqual(t.historyKeys, [.loss, .accuracy, .valLoss, .valAccuracy])
        XCTAssertEqual(cnn.dependencies, ["cnn", "digits"])
        XCTAssertEqual(nb.dependencies(of: cnn).map(\.kind), [.model, .dataset])
        guard case .train(let mlp)? = nb.directive("mlp_run")?.payload,
            case .train(let adam)? = nb.directive("adam_run")?.payload
        else { return XCTFail("trains") }
        XCTAssertEqual(mlp.optimizer, OptimizerDecl(name: .rmsprop, epsilon: 1e-6, rho: 0.8))
        XCTAssertEqual(mlp.epochs, 1)
        XCTAssertEqual(mlp.metrics, [])
        XCTAssertEqual(mlp.historyKeys, [.loss])
        XCTAssertEqual(adam.optimizer, OptimizerDecl(name: .adam, beta1: 0.8, beta2: 0.99))
        guard case .evaluate(let e)? = nb.directive("cnn_train")?.payload else { return XCTFail("evaluate") }
        XCTAssertEqual(e, EvaluateDecl(model: "cnn", on: "train"))
        XCTAssertEqual(
            nb.values(of: "cnn_test").mapValues(\.shape),
            ["loss": .number, "accuracy": .number, "errors": .integer, "count": .integer])
        XCTAssertEqual(nb.values(of: "mlp"), ["params": .model(.params)])
    }

    func testFigureAndTableDirectives() throws {
        let nb = try load()
        guard case .plot(let p)? = nb.directive("curves")?.payload else { return XCTFail("plot") }
        XCTAssertEqual(nb.directive("curves")?.display.caption, "Loss curves")
        XCTAssertEqual(p.title, "損失")
        XCTAssertEqual(p.series.map(\.label), ["cnn.history.loss", "val", "acc"])
        XCTAssertEqual(
            p.series.map(\.y.path.dotted), ["cnn.history.loss", "cnn.history.val_loss", "cnn.history.val_accuracy"])
        XCTAssertEqual(p.series[2].x?.path.dotted, "cnn.history.accuracy")
        XCTAssertEqual(p.xlim, [1, 3])
        XCTAssertEqual(p.ylim, [0.01, 1.5])
        XCTAssertEqual(p.xscale, "linear")
        XCTAssertEqual(p.yscale, "log")
        XCTAssertEqual(p.width, 8)
        XCTAssertEqual(p.height, 4.5)
        guard case .table(let t)? = nb.directive("results")?.payload else { return XCTFail("table") }
        XCTAssertEqual(t.columns, ["Model", "Accuracy", "Params"])
        XCTAssertEqual(t.rows.count, 2)
        if case .expression(let e) = t.rows[0][1] {
            XCTAssertEqual(e.source, "cnn_test.accuracy | percent(1)")
        } else {
            XCTFail("cell")
        }
        XCTAssertEqual(t.rows[1][1], .text("n/a"))
        XCTAssertEqual(t.rows[1][2], .text("12"))
        XCTAssertEqual(nb.directive("results")?.dependencies, ["cnn_test", "cnn"])
        guard case .samples(let s)? = nb.directive("first_images")?.payload,
            case .misclassified(let w)? = nb.directive("wrong")?.payload,
            case .confusion(let c)? = nb.directive("matrix")?.payload
        else { return XCTFail("pictures") }
        XCTAssertEqual(s, SamplesDecl(data: "digits", split: "train", count: 24, columns: 6))
        XCTAssertEqual(w, MisclassifiedDecl(model: "cnn_test", count: 10, columns: 5))
        XCTAssertEqual(c, ConfusionDecl(model: "cnn_test"))
    }

    func testProseExpressionsAndReferences() throws {
        let nb = try load()
        let prose = nb.prose.first { !$0.expressions.isEmpty }!
        XCTAssertEqual(
            prose.expressions.map(\.expression.source),
            [
                "cnn.history.val_loss.argmin", "cnn.history.val_loss.min | fixed(4)", "cnn.history.loss.first",
                "cnn.history.loss.last", "cnn.history.accuracy.max | percent", "cnn.history.val_accuracy.argmax",
                "cnn.history.loss[2]", "cnn.history.loss[-1] | fixed(2)", "cnn_test.errors | thousands",
                "cnn_test.count",
                "cnn_train.loss | int", "cnn.seconds | fixed(1)", "cnn.epochs", "digits.train_count",
                "digits.test_count",
                "mlp.params",
            ])
        for e in prose.expressions {
            XCTAssertTrue(prose.markdown[e.range].hasPrefix("{{"))
            XCTAssertTrue(prose.markdown[e.range].hasSuffix("}}"))
        }
        XCTAssertEqual(
            prose.references.map(\.label),
            ["fig-curves", "tbl-results", "tbl-cnn", "fig-samples", "fig-wrong", "fig-matrix"])
        XCTAssertEqual(prose.references.map(\.capitalized), [true, false, false, false, false, false])
        XCTAssertEqual(String(prose.markdown[prose.references[0].range]), "@Fig-curves")
        let first = prose.expressions[0]
        XCTAssertEqual(first.location.column, first.expression.path.location.column - 3)
        XCTAssertTrue(prose.markdown.contains("| table | in prose |"))
    }

    func testOverridesAreTypedLikeTheDefault() throws {
        let nb = try load(overrides: ["epochs": "7", "rate": "0.5", "bias": "true", "act": "tanh"])
        XCTAssertEqual(nb.frontMatter.param("epochs"), .int(7))
        guard case .train(let t)? = nb.directive("cnn")?.payload,
            case .model(let m)? = nb.directive("cnn", kind: .model)?.payload
        else {
            return XCTFail("payloads")
        }
        XCTAssertEqual(t.epochs, 7)
        XCTAssertEqual(
            m.layers[1].spec,
            .conv2D(
                filters: 16, kernelSize: [3, 3], strides: [1, 1], padding: .same, activation: .tanh, useBias: true))
        XCTAssertEqual(m.layers[9].spec, .dropout(rate: 0.5))
    }

    func testNormalizedBodyIgnoresFormAndKeepsMeaning() throws {
        func body(_ text: String) throws -> String {
            let nb = try NotebookParser().parse(source: text, file: "n.md")
            return nb.directives.first!.normalizedBody
        }
        let a = try body("```{model} m\nInput(shape=(8,))\nDense(4)  # hidden\n```\n")
        let b = try body(
            "```{model} m\n#| echo: false\nlayers.Input((8,))\nlayers.Dense(units=4, activation=None, use_bias=True, name=\"x\"),\n```\n"
        )
        let c = try body("```{model} m\nInput(shape=(8,))\nDense(5)\n```\n")
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
        let d1 = try body("```{dataset} d\nsource: mnist\n```\n")
        let d2 = try body("```{dataset} d\nscale: 255\nsource: MNIST\n```\n")
        XCTAssertEqual(d1, d2)
    }

    func testCRLFAndIndentedFences() throws {
        let text = "Intro\r\n\r\n  ```{dataset} d\r\n  source: mnist\r\n  ```\r\n\r\nEnd {{ d.test_count }}\r\n"
        let nb = try XCTUnwrap(parseOK(text))
        XCTAssertEqual(nb.directives.first?.location, SourceLocation(file: "t.md", line: 3, column: 3))
        XCTAssertEqual(nb.prose.last?.expressions.first?.location, SourceLocation(file: "t.md", line: 7, column: 5))
        XCTAssertEqual(nb.directives.first?.body, "source: mnist")
    }
}
