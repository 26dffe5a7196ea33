import Foundation
import XCTest

extension CommandLineHarness {
    /// A run started in the background (to be killed mid-run); its output goes to files.
    struct Started {
        let process: Process
        let stderr: URL

        /// Waits for the end and returns the status and what it printed on stderr.
        func finish() -> (status: Int32, stderr: String) {
            process.waitUntilExit()
            return (process.terminationStatus, (try? String(contentsOf: stderr, encoding: .utf8)) ?? "")
        }
    }

    /// Runs `nbrun` with extra environment variables (the private cache as in ``run(_:threads:)``).
    func run(_ arguments: [String], environment extra: [String: String]) throws -> Outcome {
        let started = try start(arguments, environment: extra)
        let (status, stderr) = started.finish()
        return Outcome(status: status, stdout: "", stderr: stderr)
    }

    /// Starts `nbrun` and returns at once.
    func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Started {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NBRUN_CACHE"] = folder.appendingPathComponent("cache").path
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let stderr = folder.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: stderr)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return Started(process: process, stderr: stderr)
    }

    /// The tasks written into a cache folder, and how many of them have their entry.
    func taskCounts(cache: URL) -> (written: Int, finished: Int) {
        let tasks = cache.appendingPathComponent("tasks")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: tasks.path)) ?? []
        let keys = names.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".error.json") }.map { String($0.dropLast(5)) }
        let finished = keys.filter { key in
            FileManager.default.fileExists(
                atPath: cache.appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key).path)
        }
        return (keys.count, finished.count)
    }

    /// `tasks: N run in W waves` from a driver's progress, as N.
    static func tasksRun(_ stderr: String) -> Int? {
        guard let range = stderr.range(of: #"tasks: \d+ run in"#, options: .regularExpression) else { return nil }
        return Int(stderr[range].dropFirst("tasks: ".count).prefix { $0.isNumber })
    }
}
