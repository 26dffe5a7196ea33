import Foundation

/// A program the test starts, whose stderr is collected, and which is always ended (with its
/// process group, when it leads one) when the test ends.
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var errorText = ""

    /// Starts `arguments[0]` with the other arguments.
    init(_ arguments: [String], folder: URL, environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
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

    /// SIGTERM (Chromium then ends its helper processes), SIGKILL after 5 s, to it and its group.
    func killGroup() {
        guard process.isRunning else { return }
        let pid = process.processIdentifier
        kill(pid, SIGTERM)
        if !stop(with: SIGTERM, timeout: 5) {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            _ = stop(with: SIGKILL, timeout: 5)
        }
    }
}
