import Foundation
import Hashing

/// `nbrun task FILE`: a worker runs one task and writes its entry into the cache.
///
/// The cache is the folder the task file lives in (`<cache>/tasks/<key>.json`). The worker checks
/// the notebook's bytes against the task's SHA-256, parses and checks it, and runs the executor
/// with ``UnitDispatch/only(key:)``: the upstream results come from the cache, only the task's
/// own unit is computed, and its entry is installed atomically through ``ResultCache``. A task
/// whose entry already exists succeeds at once (running a task twice is harmless). On failure the
/// worker writes a ``TaskFailureRecord`` beside the task file before it exits with status 1. At
/// Slurm's time-limit signal (``TimeLimitSignal``) a training or fine-tuning stops after its next
/// epoch checkpoint, and the worker records that stop (``TaskPreempted``) and exits with status 75.
public struct TaskWorker {
    /// A task file, or a list of task files (`.txt`, one a line) of which line `index` is run.
    public let file: URL
    public let index: Int?
    public let threads: Int?

    /// Test-only switch: a task of this directive (`train run`) fails once per cache folder.
    static let failOnceVariable = "NBRUN_TEST_FAIL_ONCE"

    public init(file: URL, index: Int?, threads: Int?) {
        self.file = file
        self.index = index
        self.threads = threads
    }

    public func run() throws {
        let taskFile = try resolveTaskFile()
        let task: TaskSpec
        do {
            task = try JSONDecoder().decode(TaskSpec.self, from: Data(contentsOf: taskFile))
        } catch {
            throw RunnerFailure(message: "\(taskFile.path): not a readable nbrun task file (\(error))")
        }
        let cacheRoot = TaskFolder.cacheRoot(ofTaskFile: taskFile)
        let folder = TaskFolder(cacheRoot: cacheRoot)
        TimeLimitSignal.shared.install()
        do {
            try run(task, cacheRoot: cacheRoot, folder: folder)
        } catch let preempted as TaskPreempted {
            try? folder.writeFailure(
                TaskFailureRecord(
                    key: task.key, message: preempted.summary, host: ProcessInfo.processInfo.hostName,
                    checkpointEpoch: preempted.epoch, epochs: preempted.epochs))
            throw preempted
        } catch {
            let message = (error as? RunnerFailure)?.message ?? "\(error)"
            try? folder.writeFailure(
                TaskFailureRecord(key: task.key, message: message, host: ProcessInfo.processInfo.hostName))
            throw error
        }
    }

    private func run(_ task: TaskSpec, cacheRoot: URL, folder: TaskFolder) throws {
        let cache = ResultCache(root: cacheRoot)
        if cache.entry(for: task.key) != nil { return }
        let environment = ProcessInfo.processInfo.environment
        if environment[Self.failOnceVariable] == task.directive,
            !FileManager.default.fileExists(atPath: folder.failOnceMarker(task.key).path)
        {
            FileManager.default.createFile(atPath: folder.failOnceMarker(task.key).path, contents: Data())
            throw RunnerFailure(message: "failed on purpose once (\(Self.failOnceVariable), a test switch)")
        }
        let notebook = URL(fileURLWithPath: task.notebook)
        guard let bytes = try? Data(contentsOf: notebook) else {
            throw RunnerFailure(message: "\(task.notebook): the task's notebook cannot be read on this node")
        }
        guard SHA256Hex.of(bytes) == task.notebookSHA256 else {
            throw RunnerFailure(message: "\(task.notebook) changed after the task was written; run nbrun again")
        }
        var options = RunOptions(
            notebook: notebook, outputDirectory: FileManager.default.temporaryDirectory, overrides: task.overrides,
            threads: threads, cacheDirectory: cacheRoot)
        options.executor = .inProcess
        let events = RunEvents([ProgressPrinter(quiet: false, interactive: false)])
        let parsed = try ParsedNotebook.read(notebook, overrides: task.overrides)
        let plan = try NotebookCheck.check(parsed)
        do {
            _ = try Executor(plan: plan, options: options, events: events, dispatch: .only(key: task.key)).run()
        } catch is TaskCompleted {}
        guard cache.entry(for: task.key) != nil else {
            throw RunnerFailure(
                message: "task \(task.key) (\(task.directive)) is not ready in this notebook's plan; run nbrun again")
        }
    }

    private func resolveTaskFile() throws -> URL {
        guard file.pathExtension == "txt" else { return file }
        let environment = ProcessInfo.processInfo.environment
        guard let line = index ?? environment["SLURM_ARRAY_TASK_ID"].flatMap({ Int($0) }) else {
            throw RunnerFailure(message: "\(file.path) is a task list: give --index (or run as a Slurm array task)")
        }
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.indices.contains(line) else {
            throw RunnerFailure(message: "\(file.path) has \(lines.count) tasks, no index \(line)")
        }
        return URL(fileURLWithPath: lines[line])
    }
}
