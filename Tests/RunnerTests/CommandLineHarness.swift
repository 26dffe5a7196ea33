import Foundation
import TestSupport
import XCTest

/// Runs the built `nbrun` executable in a scratch folder and captures what it prints.
struct CommandLineHarness {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// A fresh temporary folder holding a copy of the small test notebook and a private cache.
    let folder: URL

    init() throws {
        folder = try Scratch.directory(prefix: "nbrun-e2e")
    }

    static var fixtures: URL { Fixtures.root }

    /// The `nbrun` binary that `swift test` built beside the test bundle.
    static var executable: URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("nbrun")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("nbrun")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: ".build/debug/nbrun")
    }

    /// Copies a fixture notebook into the scratch folder (optionally editing its text) and returns its URL.
    func notebook(_ name: String = "small.md", edit: (String) -> String = { $0 }) throws -> URL {
        let source = try String(contentsOf: Self.fixtures.appendingPathComponent("notebooks/\(name)"), encoding: .utf8)
        let target = folder.appendingPathComponent(name)
        try edit(source).write(to: target, atomically: true, encoding: .utf8)
        return target
    }

    /// `--set fixtures=...` pointing at the shipped MNIST subset.
    var fixtureArguments: [String] {
        ["--set", "fixtures=\(Self.fixtures.appendingPathComponent("mnist-small").path)"]
    }

    func run(_ arguments: [String], threads: Int? = nil) throws -> Outcome {
        try runTool(Self.executable.path, arguments, threads: threads)
    }

    /// Runs any program in the scratch folder with the private cache (`make`, `unshare`, an installed nbrun).
    func runTool(_ path: String, _ arguments: [String], threads: Int? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NBRUN_CACHE"] = folder.appendingPathComponent("cache").path
        if let threads { environment["NBRUN_THREADS"] = String(threads) }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: folder)
    }
}
