import ArgumentParser
import Runner

/// `nbrun check NOTEBOOK.md`: run everything again without the cache and compare with the lock.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the notebook again, ignoring the cache, and verify every number against its lock file."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Allowed relative difference (e.g. 1e-3) for checks across machines or math libraries.")
    var tolerance: Double = 0

    func validate() throws {
        if tolerance < 0 || !tolerance.isFinite {
            throw ValidationError("--tolerance must be a non-negative number, got \(tolerance).")
        }
    }

    func run() throws {
        try NotebookRun(options: common.runOptions(useCache: false)).check(tolerance: tolerance)
    }
}
