import ArgumentParser
import Foundation
import Runner

/// `nbrun task FILE`: run one task a driver wrote (hidden; `--executor local|slurm` starts it).
struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "Run one task of a notebook run and write its result into the cache (used by --executor).",
        shouldDisplay: false
    )

    @Argument(help: "A task file (<cache>/tasks/<key>.json), or a task list (.txt) of a job array.")
    var file: String

    @Option(name: .long, help: "The line of a task list to run (default: $SLURM_ARRAY_TASK_ID).")
    var index: Int?

    @Option(name: .long, help: "Worker threads for training (results are identical for any count).")
    var threads: Int?

    func run() throws {
        do {
            try TaskWorker(file: URL(fileURLWithPath: file), index: index, threads: threads).run()
        } catch let preempted as TaskPreempted {
            FileHandle.standardError.write(Data("nbrun task: \(preempted)\n".utf8))
            throw ExitCode(preempted.exitStatus)
        }
    }
}
