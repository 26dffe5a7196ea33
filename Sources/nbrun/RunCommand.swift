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

    @OptionGroup var tasks: TaskOptions

    func validate() throws {
        if noCache && tasks.executor != .inProcess {
            throw ValidationError(
                "--no-cache cannot be combined with --executor (tasks exchange results through the cache); use a fresh --cache folder."
            )
        }
    }

    func run() throws {
        var options = common.runOptions(useCache: !noCache)
        tasks.apply(to: &options)
        // A task driver installs its own guard (it cancels its workers or job arrays first).
        var guardian: InterruptGuard?
        if case .inProcess = options.executor { guardian = InterruptGuard(message: InterruptGuard.inProcessMessage) }
        defer { guardian?.remove() }
        try NotebookRun(options: options).run()
    }
}
