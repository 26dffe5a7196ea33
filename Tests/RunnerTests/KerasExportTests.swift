import Foundation
import Runner
import TestSupport
import XCTest

/// `nbrun export --keras`: the dropout article's script against its golden file, every article's
/// script compiled by Python, schedules, callbacks and metrics as Keras code, the same-start
/// recording read back by NumPy, and refusals.
final class KerasExportTests: XCTestCase {
    static let repository = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
    static let golden = Fixtures.root.appendingPathComponent("keras/dropout_keras.py")
    /// Builds an exported script's models, optimizers, metrics and callbacks against a stand-in
    /// `keras`: a name the script never defines or imports fails (py_compile cannot see it).
    static let resolveNames = Fixtures.root.appendingPathComponent("keras/resolve_names.py")

    /// The exported script of notebooks/dropout.md is the committed golden file, byte for byte.
    /// `NBRUN_UPDATE_GOLDEN=1` rewrites the golden file instead (after a deliberate change).
    func testDropoutArticleExportMatchesGolden() throws {
        let folder = try Scratch.directory(self)
        var export = KerasExport(notebook: Self.repository.appendingPathComponent("notebooks/dropout.md"))
        export.outputDirectory = folder
        let written = try export.run()
        XCTAssertEqual(written.script.lastPathComponent, "dropout_keras.py")
        XCTAssertEqual(written.skipped, [])
        let text = try String(contentsOf: written.script, encoding: .utf8)
        if ProcessInfo.processInfo.environment["NBRUN_UPDATE_GOLDEN"] == "1" {
            try text.write(to: Self.golden, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(text, try String(contentsOf: Self.golden, encoding: .utf8), "rerun with NBRUN_UPDATE_GOLDEN=1")
        XCTAssertTrue(text.contains("keras.layers.Dropout(rate=0.5)"))
        XCTAssertTrue(text.contains("epsilon=1e-07"))
    }

    /// Every article's script is valid Python (`python3 -m py_compile`) and names only what it
    /// defines or imports (its models, optimizers, metrics and callbacks built against a stand-in
    /// Keras: the regularisation article's `L2(...)` needs its import); the pruning article's
    /// lists its prune and sweep directives as not exported, the regularisation article's nothing.
    func testArticleExportsCompile() throws {
        let folder = try Scratch.directory(self)
        for name in ["dropout.md", "dropout-vs-pruning.md", "regularization.md"] {
            var export = KerasExport(notebook: Self.repository.appendingPathComponent("notebooks/\(name)"))
            export.outputDirectory = folder
            let written = try export.run()
            let result = try Self.python(["-m", "py_compile", written.script.path])
            XCTAssertEqual(result.status, 0, "\(name): \(result.output)")
            let names = try Self.python([Self.resolveNames.path, written.script.path])
            XCTAssertEqual(names.status, 0, "\(name): \(names.output)")
            let text = try String(contentsOf: written.script, encoding: .utf8)
            if name == "dropout-vs-pruning.md" {
                XCTAssertTrue(written.skipped.contains { $0.hasPrefix("prune `global`") }, "\(written.skipped)")
                XCTAssertTrue(written.skipped.contains { $0.hasPrefix("sweep `rates`") }, "\(written.skipped)")
                XCTAssertTrue(text.contains("Not exported:\n- sweep `rates`"))
            }
            if name == "regularization.md" {
                XCTAssertEqual(written.skipped, [])
                XCTAssertTrue(
                    text.contains(
                        "\"callbacks\": lambda: [keras.callbacks.EarlyStopping(monitor=\"val_loss\", patience=3, "
                            + "restore_best_weights=True)],"), text)
                XCTAssertTrue(text.contains("keras.layers.RandomFlip("), text)
                XCTAssertTrue(text.contains("kernel_regularizer="), text)
            }
        }
    }

    /// The fixture with every Keras feature: schedules inside the optimizer, callbacks as a function
    /// building fresh ones per fit, a top-k metric with its k as its class; the script compiles.
    func testSchedulesCallbacksAndMetricsExportAsKerasCode() throws {
        let folder = try Scratch.directory(self)
        let notebook = folder.appendingPathComponent("keras-features.md")
        try FileManager.default.copyItem(at: Fixtures.notebook("keras-features.md"), to: notebook)
        var export = KerasExport(notebook: notebook)
        export.overrides = ["fixtures": Fixtures.mnistSmall.path]
        let written = try export.run()
        XCTAssertEqual(written.skipped, [])
        let text = try String(contentsOf: written.script, encoding: .utf8)
        for expected in [
            "keras.optimizers.AdamW(learning_rate=keras.optimizers.schedules.CosineDecay(initial_learning_rate=0.0, "
                + "decay_steps=26",
            "keras.optimizers.SGD(learning_rate=keras.optimizers.schedules.PiecewiseConstantDecay(boundaries=[13.0, 26.0], "
                + "values=[0.05, 0.02, 0.01]), momentum=0.9, nesterov=True)",
            "keras.optimizers.Adam(learning_rate=keras.optimizers.schedules.ExponentialDecay(initial_learning_rate=0.01, "
                + "decay_steps=13",
            "\"metrics\": [\"accuracy\", \"sparse_top_k_categorical_accuracy\"],",
            "\"metrics\": [\"accuracy\", lambda: keras.metrics.TopKCategoricalAccuracy(k=3)],",
            "\"callbacks\": lambda: [keras.callbacks.EarlyStopping(min_delta=0.001, monitor=\"val_loss\", patience=2, "
                + "restore_best_weights=True), keras.callbacks.ReduceLROnPlateau(factor=0.5, min_lr=0.0001, "
                + "monitor=\"val_loss\", patience=1)],",
            "\"history\": [\"loss\", \"accuracy\", \"sparse_top_k_categorical_accuracy\", \"val_loss\", \"val_accuracy\", "
                + "\"val_sparse_top_k_categorical_accuracy\", \"learning_rate\"],",
        ] {
            XCTAssertTrue(text.contains(expected), expected)
        }
        XCTAssertFalse(text.contains("Not exported"))
        let result = try Self.python(["-m", "py_compile", written.script.path])
        XCTAssertEqual(result.status, 0, result.output)
        let names = try Self.python([Self.resolveNames.path, written.script.path])
        XCTAssertEqual(names.status, 0, names.output)
    }

    /// `--same-start` on the small fixture notebook: NumPy reads the archive; the initial weights lie
    /// within the glorot_uniform limits, every epoch's order is a permutation of the training rows,
    /// each epoch's steps average to its recorded loss, the weights after N steps differ from the start,
    /// and the Dropout layer's masks are one byte per training row and unit, kept at the rate's odds.
    func testSameStartRecordingReadsBackInNumPy() throws {
        let folder = try Scratch.directory(self)
        let notebook = folder.appendingPathComponent("small.md")
        try FileManager.default.copyItem(at: Fixtures.notebook("small.md"), to: notebook)
        var export = KerasExport(notebook: notebook)
        export.overrides = ["fixtures": Fixtures.mnistSmall.path]
        export.sameStart = true
        export.sameStartEpochs = 2
        export.afterSteps = 5
        let written = try export.run()
        let archive = try XCTUnwrap(written.sameStartDirectory).appendingPathComponent("run.nbrun.npz")
        let check = """
            import numpy as np, sys
            a = np.load(sys.argv[1])
            k = a["initial_0"]
            assert k.shape == (3, 3, 1, 4) and k.dtype == np.float32, (k.shape, k.dtype)
            limit = np.sqrt(6 / (9 * 1 + 9 * 4))
            assert np.abs(k).max() <= limit and np.abs(k).max() > 0.5 * limit, (np.abs(k).max(), limit)
            assert np.all(a["initial_1"] == 0)
            order = a["order"]
            assert order.shape == (2, 1600), order.shape
            for e in range(2):
                assert np.array_equal(np.sort(order[e]), np.arange(1600))
            assert not np.array_equal(order[0], order[1])
            loss = a["loss"]
            assert loss.shape == (100,) and loss.dtype == np.float64, loss.shape
            for e in range(2):
                mean = loss[50 * e:50 * (e + 1)].mean()
                assert abs(mean - a["history_loss"][e]) <= 1e-6 * mean, (mean, a["history_loss"][e])
            assert int(a["after_steps"]) == 5
            assert not np.array_equal(a["after_steps_0"], k) and a["after_epoch_0"].shape == k.shape
            keep = a["dropout_0"]
            assert keep.shape == (3200, 16) and keep.dtype == np.uint8, (keep.shape, keep.dtype)
            assert set(np.unique(keep)) == {0, 1}
            # Dropout(0.3): 51,200 flags, kept with probability 0.7 (4 sd = 0.008).
            assert abs(keep.mean() - 0.7) < 0.008, keep.mean()
            assert abs(float(a["dropout_rate_0"]) - 0.3) < 1e-7, a["dropout_rate_0"]
            assert "dropout_1" not in a.files
            print("ok")
            """
        let result = try Self.python(["-c", check, archive.path])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("ok"), result.output)
    }

    /// Once exported beside the notebook, the page's provenance links the script and the run writes
    /// it beside the page; after the notebook changes, the page's copy is the export of the changed
    /// notebook and the provenance says that the copy beside the notebook is out of date.
    func testProvenanceLinksTheExportedScript() throws {
        let folder = try Scratch.directory(self)
        let notebook = folder.appendingPathComponent("small.md")
        try FileManager.default.copyItem(at: Fixtures.notebook("small.md"), to: notebook)
        let overrides = ["fixtures": Fixtures.mnistSmall.path, "epochs": "1"]
        var export = KerasExport(notebook: notebook)
        export.overrides = overrides
        _ = try export.run()
        let output = folder.appendingPathComponent("output")
        let options = RunOptions(
            notebook: notebook, outputDirectory: output, overrides: overrides, quiet: true,
            cacheDirectory: folder.appendingPathComponent("cache"))
        try NotebookRun(options: options, observers: []).run()
        let page = try String(contentsOf: output.appendingPathComponent("small/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<a href=\"small_keras.py\">small_keras.py (nbrun export --keras)</a>"))
        XCTAssertEqual(
            try Data(contentsOf: output.appendingPathComponent("small/small_keras.py")),
            try Data(contentsOf: folder.appendingPathComponent("small_keras.py")))

        var changed = options
        changed.overrides["epochs"] = "2"
        try NotebookRun(options: changed, observers: []).run()
        let stale = try String(contentsOf: output.appendingPathComponent("small/index.html"), encoding: .utf8)
        XCTAssertTrue(
            stale.contains("the copy beside the notebook is out of date: run `nbrun export --keras small.md`"), stale)
        let copy = try String(contentsOf: output.appendingPathComponent("small/small_keras.py"), encoding: .utf8)
        XCTAssertTrue(copy.contains("\"epochs\": 2,"), "the page's copy is the changed notebook's export")
    }

    /// A CSV data set cannot be exported yet: a `file:line:col` error naming it, nothing written.
    func testCSVDataSetIsRefusedAtItsLine() throws {
        let folder = try Scratch.directory(self)
        let notebook = folder.appendingPathComponent("csv.md")
        try """
        ---
        title: CSV
        ---

        ```{dataset} table
        csv: rows.csv
        ```
        """.write(to: notebook, atomically: true, encoding: .utf8)
        var export = KerasExport(notebook: notebook)
        export.outputDirectory = folder
        XCTAssertThrowsError(try export.run()) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("csv.md:5:1: error:"), text)
            XCTAssertTrue(text.contains("`table`"), text)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("csv_keras.py").path))
    }

    /// Runs python3 (which CI has, with NumPy); output is stdout and stderr together.
    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
