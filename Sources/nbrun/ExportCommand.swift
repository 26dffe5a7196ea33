import ArgumentParser
import Foundation
import Runner

/// `nbrun export --keras NOTEBOOK.md [-o DIR] [--same-start]`: the notebook as a Keras 3 script.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the notebook's experiment as a runnable Keras 3 script (<name>_keras.py).",
        discussion: """
            The script reads the same data files, builds the same models, compiles and fits them with \
            the same settings, seeds and replicates, and writes its histories and metrics as JSON in \
            the lock file's layout. With --same-start, nbrun also trains each train once and records \
            its initial weights, batch order and per-step losses in <name>_same_start/, which the \
            script replays with `--same-start DIR`; scripts/keras-parity/compare.py compares the two \
            step by step (docs/keras-parity.md).
            """
    )

    @Flag(name: .long, help: "Export as a Keras 3 script (the only format so far).")
    var keras = false

    @Argument(help: "The notebook to export.", completion: .file(extensions: ["md"]))
    var notebook: String

    @Option(name: [.short, .customLong("output")], help: "Folder for the script (default: the notebook's folder).")
    var output: String?

    @Option(
        name: .customLong("set"), parsing: .singleValue,
        help: ArgumentHelp("Override a front-matter param, e.g. --set epochs=5.", valueName: "name=value"))
    var overrides: [String] = []

    @Flag(name: .long, help: "Also train each train once with nbrun and record its start and batch order.")
    var sameStart = false

    @Option(name: .long, help: "Epochs of the --same-start recording (default: the notebook's).")
    var epochs: Int?

    @Option(name: .long, help: "Keep the weights after this many steps in the --same-start recording.")
    var steps: Int = 100

    @Option(name: .long, help: "Worker threads for the --same-start training.")
    var threads: Int?

    func validate() throws {
        guard keras else { throw ValidationError("choose a format: --keras (the only one so far).") }
        for item in overrides where !item.contains("=") {
            throw ValidationError("--set expects name=value, got '\(item)'.")
        }
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1, got \(epochs).") }
        if steps < 1 { throw ValidationError("--steps must be at least 1, got \(steps).") }
        if (epochs != nil || threads != nil) && !sameStart {
            throw ValidationError("--epochs and --threads apply to --same-start only.")
        }
    }

    func run() throws {
        var export = KerasExport(notebook: URL(fileURLWithPath: notebook))
        for item in overrides {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            export.overrides[String(parts[0])] = String(parts[1])
        }
        export.outputDirectory = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
        export.sameStart = sameStart
        export.sameStartEpochs = epochs
        export.afterSteps = steps
        export.threads = threads
        let err = FileHandle.standardError
        let written = try export.run { err.write(Data(($0 + "\n").utf8)) }
        for note in written.skipped { err.write(Data("note: \(note)\n".utf8)) }
        print(written.script.path)
        if let directory = written.sameStartDirectory { print(directory.path) }
    }
}
