import ArgumentParser
import Runner

/// `nbrun NOTEBOOK.md`: check, run what changed, write the article and the lock file.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Check and run a notebook, write its article and lock file (the default)."
    )

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Ignore cached results and run every directive again.")
    var noCache = false

    func run() throws {
        try NotebookRun(options: common.runOptions(useCache: !noCache)).run()
    }
}
