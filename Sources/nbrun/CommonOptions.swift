import ArgumentParser
import Foundation
import Runner

extension OutputFormat: ExpressibleByArgument {}

/// Options shared by `nbrun` (run) and `nbrun check`.
struct CommonOptions: ParsableArguments {
    @Argument(help: "The notebook to run (a Markdown file).", completion: .file(extensions: ["md"]))
    var notebook: String

    @Option(name: .long, help: "Folder that receives <notebook name>/index.html.")
    var output: String = "output"

    @Option(
        name: .customLong("set"), parsing: .singleValue,
        help: ArgumentHelp("Override a front-matter param, e.g. --set epochs=5.", valueName: "name=value"))
    var overrides: [String] = []

    // `.unconditional` takes the next word even when it starts with `-`, so `--threads -1` reaches
    // `validate` and gets its own message instead of "Missing value".
    @Option(
        name: .long, parsing: .unconditional,
        help: "Worker threads for training (results are identical for any count).")
    var threads: Int?

    @Flag(name: .long, help: "Write one HTML file with the figures inlined.")
    var selfContained = false

    @Option(
        name: .customLong("to"),
        help: ArgumentHelp(
            "Output format: html (the page), md (GitHub-flavoured Markdown + figures), html-fragment (the body, styles inlined, one file).",
            valueName: "format"))
    var format: OutputFormat = .html

    @Flag(name: .long, help: "No progress on stderr.")
    var quiet = false

    @Flag(name: .long, help: "Exit 0 even when a {claim} does not hold (it is still marked ✗ and reported).")
    var allowFailedClaims = false

    func validate() throws {
        for item in overrides where !item.contains("=") {
            throw ValidationError("--set expects name=value, got '\(item)'.")
        }
        if selfContained && format != .html {
            throw ValidationError("--self-contained applies to --to html only (html-fragment is always one file).")
        }
        if let threads, threads < 1 {
            throw ValidationError("--threads must be at least 1, got \(threads).")
        }
        try Self.validateOutput(output)
    }

    /// `--output` must name a folder: not empty (that would write into the current folder) and not
    /// an existing file (the write step would fail only after all the training).
    static func validateOutput(_ output: String) throws {
        if output.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--output needs a folder name, got an empty one; e.g. --output output.")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError(
                "--output \(output) is a file, not a folder; choose a folder (it is created if missing).")
        }
    }

    func runOptions(useCache: Bool) -> RunOptions {
        var pairs: [String: String] = [:]
        for item in overrides {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            pairs[String(parts[0])] = String(parts[1])
        }
        var options = RunOptions(
            notebook: URL(fileURLWithPath: notebook),
            outputDirectory: URL(fileURLWithPath: output),
            overrides: pairs,
            useCache: useCache,
            quiet: quiet,
            selfContained: selfContained,
            threads: threads
        )
        options.format = format
        options.allowFailedClaims = allowFailedClaims
        return options
    }
}
