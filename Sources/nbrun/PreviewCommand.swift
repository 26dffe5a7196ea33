import ArgumentParser
import Preview
import Runner

/// `nbrun preview NOTEBOOK.md`: serve the article on 127.0.0.1 and rerun the notebook on every save.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve the article on 127.0.0.1, rerun what changed on every save, show training live.",
        discussion: """
            Each save of the notebook (or of a data file it names) runs it as `nbrun NOTEBOOK.md` \
            does: check, run what changed (cached results are reused), write the article and the \
            lock. The page reloads itself; while a model trains it shows the steps, one line per \
            epoch, and redraws the figures that plot that training after every epoch. Ctrl-C stops.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Port on 127.0.0.1 (0 picks a free one).")
    var port: Int = 4242

    @Flag(name: .long, help: "Open the page in the default browser (xdg-open).")
    var open = false

    func validate() throws {
        guard common.format == .html, !common.selfContained else {
            throw ValidationError("preview serves the HTML page: leave out --to and --self-contained.")
        }
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535, got \(port).")
        }
    }

    func run() throws {
        try PreviewServer(options: common.runOptions(useCache: true), port: port, open: open).run()
    }
}
