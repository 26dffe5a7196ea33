import Foundation

/// `--executor local --jobs N`: up to N worker processes (`nbrun task FILE`) on this machine,
/// each with its own log file in `<cache>/tasks/logs/`.
final class LocalWorkerPool: TaskBackend, @unchecked Sendable {
    let jobs: Int
    let threads: Int?
    let folder: TaskFolder
    private let lock = NSLock()
    private var running: [Process] = []

    init(jobs: Int, threads: Int?, folder: TaskFolder) {
        precondition(jobs >= 1, "a worker pool needs at least one worker")
        self.jobs = jobs
        self.threads = threads
        self.folder = folder
    }

    var name: String { "\(jobs) local worker\(jobs == 1 ? "" : "s")" }

    func run(_ keys: [String], label: String, ended: (String, URL) -> Void) throws {
        var queue = keys[...]
        var active: [(key: String, process: Process, log: URL)] = []
        while !queue.isEmpty || !active.isEmpty {
            while active.count < jobs, let key = queue.popFirst() {
                let log = folder.log("\(label)-\(key.prefix(12)).log")
                active.append((key, try start(key, log: log), log))
            }
            Thread.sleep(forTimeInterval: 0.05)
            for item in active where !item.process.isRunning {
                item.process.waitUntilExit()
                forget(item.process)
                ended(item.key, item.log)
            }
            active.removeAll { !$0.process.isRunning }
        }
    }

    func cancel() {
        lock.lock()
        defer { lock.unlock() }
        for process in running where process.isRunning { process.terminate() }
    }

    private func start(_ key: String, log: URL) throws -> Process {
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["task", folder.taskFile(key).path] + (threads.map { ["--threads", String($0)] } ?? [])
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        lock.lock()
        defer { lock.unlock() }
        do {
            try process.run()
        } catch {
            throw RunnerFailure(
                message: "cannot start a worker (\(Self.executable.path)): \(error.localizedDescription)")
        }
        running.append(process)
        return process
    }

    private func forget(_ process: Process) {
        lock.lock()
        defer { lock.unlock() }
        running.removeAll { $0 === process }
    }
}
