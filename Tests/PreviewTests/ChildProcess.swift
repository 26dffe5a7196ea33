import Foundation

/// A program the test starts in its own process group, whose stderr is collected, and which is
/// always killed (with its children) when the test ends.
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var errorText = ""

    /// Starts `arguments[0]` under `setsid`, so that the process group holds it and its children.
    init(_ arguments: [String], folder: URL, environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            self?.lock.lock()
            self?.errorText += text
            self?.lock.unlock()
        }
        try process.run()
    }

    var stderr: String {
        lock.lock()
        defer { lock.unlock() }
        return errorText
    }

    /// Waits up to `timeout` seconds for `predicate` to hold on stderr.
    func waitForStderr(timeout: Double, _ predicate: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if predicate(stderr) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return predicate(stderr)
    }

    /// Sends `signal` to the process only; true when it exited within `timeout` seconds.
    func stop(with signal: Int32, timeout: Double) -> Bool {
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return !process.isRunning
    }

    /// Kills the whole process group (the program and everything it started).
    func killGroup() {
        kill(-process.processIdentifier, SIGKILL)
        if process.isRunning { process.waitUntilExit() }
    }
}
