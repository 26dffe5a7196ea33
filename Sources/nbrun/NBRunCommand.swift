import ArgumentParser
import Foundation
import Runner

/// The root command: `nbrun NOTEBOOK.md` runs a notebook; `nbrun check NOTEBOOK.md` verifies it against its lock.
///
/// Exit codes: 0 success, 1 a problem in the user's input (or a check that found changed numbers),
/// 2 a usage error, 70 an internal error (a bug in nbrun).
struct NBRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nbrun",
        abstract: "Run a literate experiment notebook and write its HTML article.",
        usage: """
            nbrun <notebook> [--output <dir>] [--set <name=value> ...] [--no-cache] [--to html|md|html-fragment] [--self-contained] [--threads <n>] [--quiet]
                  [--executor in-process|local|slurm] [--jobs <n>] [--cache <dir>] [--retries <n>]
                  [--partition <p>] [--time <HH:MM:SS>] [--max-parallel <n>] [--sbatch-arg <arg> ...]
            nbrun check <notebook> [--tolerance <relative>] [--output <dir>] [--set <name=value> ...]
            nbrun new <notebook>
            nbrun preview <notebook> [--port <port>] [--open] [--output <dir>] [--set <name=value> ...]
            nbrun export --keras <notebook> [-o <dir>] [--same-start [--epochs <n>] [--steps <n>]]
            """,
        discussion: """
            A notebook is a Markdown file whose fenced directives ({dataset}, {model}, {train}, \
            {evaluate}, {plot}, {table}, ...) declare an experiment. nbrun checks the whole notebook, \
            trains what changed, renders the figures and writes OUTPUT/<notebook name>/index.html, \
            plus <notebook name>.lock.json beside the notebook with every number the article shows.

            Exit status: 0 success, 1 a problem in the notebook or its data (or `check` found a \
            changed number), 2 a usage error, 70 an internal error (a bug in nbrun; please report it).
            """,
        version: RunnerInfo.version,
        subcommands: [
            RunCommand.self, CheckCommand.self, NewCommand.self, PreviewCommand.self, TaskCommand.self,
            ExportCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )

    /// Parses, runs and exits with the documented status; the only place that calls `exit`.
    ///
    /// 0 success; 1 a problem in the notebook or its data, or `check` found a changed number;
    /// 2 a usage error (only from argument parsing); 70 (EX_SOFTWARE) an internal error.
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
        do {
            try command.run()
        } catch let failure as RunnerFailure {
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            Foundation.exit(1)
        } catch let failure as InternalFailure {
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            Foundation.exit(internalErrorStatus)
        } catch {
            // `--help` parses into ArgumentParser's help command, whose run() throws its request.
            if exitCode(for: error) == .success { exit(withError: error) }
            FileHandle.standardError.write(Data((InternalFailure(error).description + "\n").utf8))
            Foundation.exit(internalErrorStatus)
        }
    }

    /// EX_SOFTWARE from sysexits.h: an internal software error.
    static let internalErrorStatus: Int32 = 70
}
