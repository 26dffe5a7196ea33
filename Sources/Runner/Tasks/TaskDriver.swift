import Foundation
import Hashing

/// The execute stage when tasks run elsewhere (`--executor local|slurm`): waves of tasks through
/// a ``TaskBackend``, results collected from the cache folder, then the ordinary executor.
///
/// Each round runs the executor with ``UnitDispatch/collect(_:)``: whatever is cheap runs here
/// (data sets, models, evaluations), and every task missing from the cache whose inputs are
/// ready is collected; together they are one wave of independent tasks. The wave's task files are
/// written and the backend runs them; a task that failed or vanished is submitted again (only the
/// missing ones, up to `--retries` times; a task pre-empted at the time limit after saving a new
/// epoch does not count, see ``TaskAttempts``). When a round finds no missing task, the ordinary
/// executor runs once more and takes every result from the cache, so the results (and the lock)
/// are those of an in-process run.
struct TaskDriver {
    let plan: Plan
    let options: RunOptions
    let events: RunEvents
    let backend: TaskBackend

    func run() throws -> RunResults {
        precondition(options.useCache, "tasks exchange their results through the cache")
        let started = Date()
        let bytes = try Data(contentsOf: options.notebook)
        let folder = TaskFolder(cacheRoot: options.cacheDirectory)
        let cache = ResultCache(root: options.cacheDirectory)
        let guardian = InterruptGuard { [backend] in backend.cancel() }
        defer { guardian.remove() }
        let run = String(SHA256Hex.of("\(started.timeIntervalSince1970)|\(getpid())").prefix(8))
        var done = 0
        var total = 0
        var wave = 0
        var ran: Set<String> = []
        func update(_ kind: TaskUpdate.Kind) {
            let elapsed = Date().timeIntervalSince(started)
            let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : nil
            events.send(.task(TaskUpdate(kind: kind, done: done, total: total, eta: eta)))
        }
        while true {
            let collector = TaskCollector()
            _ = try Executor(plan: plan, options: options, events: RunEvents([]), dispatch: .collect(collector)).run()
            let found = collector.found
            if found.isEmpty { break }
            wave += 1
            total += found.count
            for task in found {
                try folder.write(
                    TaskSpec(
                        key: task.key, directive: task.step.name, notebook: options.notebook.standardizedFileURL.path,
                        notebookSHA256: SHA256Hex.of(bytes), overrides: options.overrides))
            }
            var missing = found
            var attempt = 0
            var attempts = TaskAttempts(retries: options.retries)
            var logs: [String: URL] = [:]
            while !missing.isEmpty {
                attempt += 1
                update(.submitted(wave: wave, tasks: missing.count, attempt: attempt, via: backend.name))
                let steps = Dictionary(missing.map { ($0.key, $0.step) }) { first, _ in first }
                try backend.run(missing.map(\.key), label: "\(run)-w\(wave)-a\(attempt)") { key, log in
                    logs[key] = log
                    let name = steps[key]?.name ?? key
                    if cache.entry(for: key) != nil {
                        done += 1
                        ran.insert(name)
                        update(.finished(directive: name, key: key))
                        return
                    }
                    let record = folder.failure(key)
                    let again = attempts.ended(key, record: record)
                    if let stop = record?.preempted {
                        update(.stopped(directive: name, key: key, stop: stop, log: log.path, resubmitted: again))
                    } else {
                        update(
                            .failed(
                                directive: name, key: key, message: Self.message(record), log: log.path,
                                retrying: again))
                    }
                }
                missing = missing.filter { cache.entry(for: $0.key) == nil }
                if let stalled = attempts.close(missing: missing.map(\.key)),
                    let first = missing.first(where: { $0.key == stalled })
                {
                    throw RunnerFailure(
                        message: "\(Self.message(folder.failure(first.key))) (task \(first.key.prefix(12)), "
                            + "\(attempt) attempt\(attempt == 1 ? "" : "s"); log: \(logs[first.key]?.path ?? "none"))",
                        directive: first.step.name, location: first.step.location)
                }
                for task in missing { folder.clearFailure(task.key) }
            }
        }
        update(.allDone(ran: done, waves: wave, seconds: Date().timeIntervalSince(started)))
        return try Executor(plan: plan, options: options, events: events, ranAsTasks: ran).run()
    }

    private static func message(_ record: TaskFailureRecord?) -> String {
        guard let record else {
            return "the task ended without writing its result or an error (killed, out of memory or out of time?)"
        }
        if let stop = record.preempted {
            return "pre-empted: \(stop.summary) without saving an epoch beyond its previous stop"
        }
        return record.message
    }
}
