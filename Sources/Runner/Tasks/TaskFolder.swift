import AtomicFiles
import Foundation

/// The task side of a cache folder: `<cache>/tasks/` holds the task files the driver writes,
/// the workers' error records and logs, and the lists of task files one Slurm array runs.
///
/// Cache entries themselves are read and written only through ``ResultCache``; this folder holds
/// no results. Every file is written whole (``AtomicWrite``), so a worker never reads half a task.
struct TaskFolder {
    let cacheRoot: URL

    var root: URL { cacheRoot.appendingPathComponent("tasks") }
    var logs: URL { root.appendingPathComponent("logs") }

    func taskFile(_ key: String) -> URL { root.appendingPathComponent("\(key).json") }
    func errorFile(_ key: String) -> URL { root.appendingPathComponent("\(key).error.json") }
    func failOnceMarker(_ key: String) -> URL { root.appendingPathComponent("\(key).failed-once") }
    func log(_ name: String) -> URL { logs.appendingPathComponent(name) }

    /// The cache folder a task file belongs to (`<cache>/tasks/<key>.json`).
    static func cacheRoot(ofTaskFile file: URL) -> URL {
        file.deletingLastPathComponent().deletingLastPathComponent()
    }

    func write(_ task: TaskSpec) throws {
        try prepare()
        try? FileManager.default.removeItem(at: errorFile(task.key))
        try writeJSON(task, to: taskFile(task.key))
    }

    func writeFailure(_ record: TaskFailureRecord) throws {
        try writeJSON(record, to: errorFile(record.key))
    }

    func failure(_ key: String) -> TaskFailureRecord? {
        guard let data = try? Data(contentsOf: errorFile(key)) else { return nil }
        return try? JSONDecoder().decode(TaskFailureRecord.self, from: data)
    }

    func clearFailure(_ key: String) { try? FileManager.default.removeItem(at: errorFile(key)) }

    /// A list of task files, one a line: what one job array runs (line `i` is array index `i`).
    func writeList(_ keys: [String], name: String) throws -> URL {
        try prepare()
        let url = root.appendingPathComponent(name)
        try write(Data((keys.map { taskFile($0).path }.joined(separator: "\n") + "\n").utf8), to: url)
        return url
    }

    func prepare() throws {
        do {
            try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        } catch {
            throw RunnerFailure(message: "cannot create the task folder \(logs.path): \(error.localizedDescription)")
        }
    }

    private func writeJSON<Value: Encodable>(_ value: Value, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try write(try encoder.encode(value), to: url)
    }

    private func write(_ data: Data, to url: URL) throws {
        do {
            try AtomicWrite.write(data, to: url)
        } catch let error as AtomicFileError {
            throw RunnerFailure(message: "cannot write \(url.path): \(error.message)")
        }
    }
}
