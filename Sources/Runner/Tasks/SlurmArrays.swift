import Foundation

/// `--executor slurm`: each submission is one job array (`sbatch --array=0-K%N`) whose task `i`
/// runs line `i` of a task list with this binary, by absolute path.
///
/// Results are watched in the cache folder (an entry, or the worker's error record), never in
/// `sacct` (it fails without the accounting database) or `scontrol show job` (it forgets finished
/// jobs). `squeue` is asked only whether the array still has tasks queued or running: once it has
/// none, a task with neither an entry nor an error after a grace period (slow shared filesystems)
/// has vanished (killed, pre-empted, out of time) and is reported as ended.
final class SlurmArrays: TaskBackend, @unchecked Sendable {
    let settings: SlurmSettings
    let threads: Int?
    let folder: TaskFolder
    /// How long files may lag behind the array's end (NFS attribute caching).
    let grace: TimeInterval = 3
    /// SIGUSR1 to the batch script (the worker, which it `exec`s) 60 s before the time limit: the
    /// training saves its epoch and stops (``TimeLimitSignal``), and the resubmitted task resumes.
    static let timeLimitSignal = "--signal=B:USR1@60"
    private let lock = NSLock()
    private var jobs: [String] = []

    init(settings: SlurmSettings, threads: Int?, folder: TaskFolder) {
        self.settings = settings
        self.threads = threads
        self.folder = folder
    }

    var name: String { "Slurm" + (settings.partition.map { " (partition \($0))" } ?? "") }

    func run(_ keys: [String], label: String, ended: (String, URL) -> Void) throws {
        let list = try folder.writeList(keys, name: "\(label).txt")
        let script = folder.root.appendingPathComponent("\(label).sh")
        // The worker uses the CPUs it was given (`--cpus-per-task`), not every core of the node.
        let threadArguments = " --threads \(threads ?? 1)"
        try Data("#!/bin/sh\nexec '\(Self.executable.path)' task '\(list.path)'\(threadArguments)\n".utf8)
            .write(to: script)
        let logPattern = folder.log("\(label)-%a.log").path
        var arguments = [
            "--parsable", "--job-name=nbrun-\(label)",
            "--array=0-\(keys.count - 1)" + (settings.maxParallel.map { "%\($0)" } ?? ""),
            "--output=\(logPattern)", "--cpus-per-task=\(threads ?? 1)", Self.timeLimitSignal,
        ]
        if let partition = settings.partition { arguments.append("--partition=\(partition)") }
        if let time = settings.time { arguments.append("--time=\(time)") }
        arguments += settings.extraArguments + [script.path]
        let submitted = try Self.command("sbatch", arguments)
        guard submitted.status == 0, let job = submitted.output.split(separator: ";").first.map(String.init),
            !job.isEmpty
        else {
            throw RunnerFailure(
                message:
                    "sbatch failed (\(submitted.status)): \(submitted.error.trimmingCharacters(in: .whitespacesAndNewlines)); "
                    + "is Slurm reachable from here (sinfo)?")
        }
        remember(job)
        defer { forget(job) }
        var pending = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        let cache = ResultCache(root: folder.cacheRoot)
        var lastQueueCheck = Date.distantPast
        var goneSince: Date?
        while !pending.isEmpty {
            for (key, index) in pending where cache.entry(for: key) != nil || folder.failure(key) != nil {
                pending[key] = nil
                ended(key, folder.log("\(label)-\(index).log"))
            }
            if pending.isEmpty { break }
            if Date().timeIntervalSince(lastQueueCheck) >= 1 {
                lastQueueCheck = Date()
                if Self.inQueue(job) {
                    goneSince = nil
                } else if let since = goneSince, Date().timeIntervalSince(since) > grace {
                    for (key, index) in pending { ended(key, folder.log("\(label)-\(index).log")) }
                    return
                } else if goneSince == nil {
                    goneSince = Date()
                }
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    func cancel() {
        lock.lock()
        let active = jobs
        lock.unlock()
        for job in active { _ = try? Self.command("scancel", [job]) }
    }

    private func remember(_ job: String) {
        lock.lock()
        defer { lock.unlock() }
        jobs.append(job)
    }

    private func forget(_ job: String) {
        lock.lock()
        defer { lock.unlock() }
        jobs.removeAll { $0 == job }
    }

    /// Whether the array still has a task pending or running (a purged job id makes squeue fail).
    private static func inQueue(_ job: String) -> Bool {
        guard let result = try? command("squeue", ["-h", "-j", job, "-o", "%i"]), result.status == 0 else {
            return false
        }
        return !result.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// Runs a Slurm command found on the PATH and returns its status and outputs.
    static func command(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw RunnerFailure(message: "cannot run \(name): \(error.localizedDescription); is Slurm installed?")
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus,
            String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
            String(decoding: errors, as: UTF8.self)
        )
    }
}
