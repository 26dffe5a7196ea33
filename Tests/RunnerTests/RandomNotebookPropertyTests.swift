import Foundation
import XCTest

/// Issue 18's property: for random notebooks built from the format's parts (seeded, so every run
/// tries the same ones), `nbrun` either writes the article (exit 0) or refuses at a line of the
/// notebook (exit 1, `easy.md:LINE:COL: error:`); never a crash, an internal error or a usage error.
final class RandomNotebookPropertyTests: XCTestCase {
    /// A tiny deterministic generator (Knuth's MMIX LCG, high bits) for picking notebook parts.
    struct Picker {
        var state: UInt64
        mutating func pick<T>(_ options: [T]) -> T {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return options[Int((state >> 33) % UInt64(options.count))]
        }
    }

    static func notebook(_ picker: inout Picker) -> String {
        var layers = ["Input(shape=(2, 2, 1))"]
        layers += picker.pick([
            [], ["Conv2D(3, 1, activation=\"relu\")"], ["Conv2D(2, 2, padding=\"same\")"], ["Conv2D(3, 5)"],
        ])
        layers.append(picker.pick(["Flatten()", "Flatten()", "Flatten()", ""]))
        for _ in 0..<picker.pick([0, 1, 2]) {
            layers.append(
                "Dense(\(picker.pick([1, 4, 16, 0])), activation=\"\(picker.pick(["relu", "tanh", "sigmoid"]))\")")
            if picker.pick([true, false]) { layers.append("Dropout(\(picker.pick(["0", "0.3", "0.99", "1.5"])))") }
        }
        layers.append(
            picker.pick(["Dense(2, activation=\"softmax\")", "Dense(2)", "Dense(3, activation=\"softmax\")"]))
        let optimizer = picker.pick([
            "adam", "sgd", "rmsprop", "{name: adam, learning_rate: 0.1}", "{name: sgd, learning_rate: 1e38}",
        ])
        let scale = picker.pick(["linear", "log"])
        let ylim = picker.pick(["", "ylim: [0.01, 10]\n", "ylim: [0, 1]\n", "ylim: [1, 0]\n", "ylim: [-1, 1]\n"])
        return """
            ---
            title: Random
            seed: \(picker.pick([1, 2, 3]))
            ---

            ```{dataset} d
            csv: {train: easy-train.csv, test: easy-test.csv}
            ```

            ```{samples} s
            data: d
            count: \(picker.pick([1, 4, 10, 1024]))
            columns: \(picker.pick([1, 8, 64, 65]))
            ```

            ```{model} m
            \(layers.filter { !$0.isEmpty }.joined(separator: "\n"))
            ```

            ```{train} m
            data: d
            optimizer: \(optimizer)
            loss: sparse_categorical_crossentropy
            metrics: [accuracy]
            epochs: \(picker.pick([0, 1, 2]))
            batch_size: \(picker.pick([1, 8, 100000]))
            validation_split: \(picker.pick(["0", "0.2", "0.99"]))
            ```

            ```{evaluate} e
            model: m
            ```

            ```{plot} p
            yscale: \(scale)
            \(ylim)series:
              - {y: m.history.loss, label: "loss"}
            ```

            Accuracy {{ e.accuracy | percent(1) }}, {{ m.params }} parameters.

            ```{misclassified} wrong
            model: e
            ```

            """
    }

    func testRandomNotebooksRunOrAreRefusedAtALine() throws {
        let harness = try CommandLineHarness()
        defer { harness.cleanUp() }
        let folder = harness.folder
        try ReliabilityEndToEndTests.writeEasyData(into: folder)
        var picker = Picker(state: 18)
        var ran = 0
        var refused = 0
        let located = try NSRegularExpression(pattern: #"easy\.md:\d+:\d+: error: "#)
        for index in 0..<16 {
            let text = Self.notebook(&picker)
            try Data(text.utf8).write(to: folder.appendingPathComponent("easy.md"))
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("output"))
            let outcome = try harness.run(["easy.md", "--quiet"])
            let context = "notebook \(index):\n\(text)\nstderr: \(outcome.stderr)"
            XCTAssertTrue([0, 1].contains(outcome.status), context)
            XCTAssertFalse(outcome.stderr.contains("internal error"), context)
            if outcome.status == 0 {
                ran += 1
                XCTAssertTrue(
                    FileManager.default.fileExists(
                        atPath: folder.appendingPathComponent("output/easy/index.html").path), context)
            } else {
                refused += 1
                let range = NSRange(outcome.stderr.startIndex..., in: outcome.stderr)
                XCTAssertNotNil(located.firstMatch(in: outcome.stderr, range: range), context)
            }
        }
        // The generator reaches both outcomes (otherwise the property says little).
        XCTAssertGreaterThan(ran, 0)
        XCTAssertGreaterThan(refused, 0)
    }
}
