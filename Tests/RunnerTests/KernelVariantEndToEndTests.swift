import Foundation
import XCTest

/// The numerics contract end to end: every fixture notebook run through the real CLI under each
/// kernel variant (NBRUN_KERNELS=avx512, avx2, portable) with 1 and 2 threads gives locks that are
/// identical number for number: everything `nbrun check` compares, i.e. all but the `environment`
/// block (which names the variant) and wall-clock values (`seconds`, `latency*`, `speedup`, shown
/// numbers marked `timing`). kernels.md goes through every engine computation. A variant the CPU
/// lacks is skipped, and says so.
final class KernelVariantEndToEndTests: XCTestCase {
    private static let notebooks = ["kernels.md", "small.md", "pruning.md"]

    /// The lock of `notebook` without its environment, and the variant the run reported using.
    private struct Outcome {
        let numbers: NSDictionary
        let mathLibrary: String
    }

    /// Portable, one thread: the baseline, computed once per notebook for all tests.
    nonisolated(unsafe) private static var baselines: [String: Outcome] = [:]

    private func run(_ notebook: String, kernels: String, threads: Int) throws -> Outcome {
        let harness = try CommandLineHarness()
        defer { harness.cleanUp() }
        let url = try harness.notebook(notebook)
        let process = Process()
        process.executableURL = CommandLineHarness.executable
        process.arguments = [url.path, "--no-cache", "--quiet"] + harness.fixtureArguments
        process.currentDirectoryURL = harness.folder
        var environment = ProcessInfo.processInfo.environment
        environment["NBRUN_CACHE"] = harness.folder.appendingPathComponent("cache").path
        environment["NBRUN_THREADS"] = String(threads)
        environment["NBRUN_KERNELS"] = kernels
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(notebook) \(kernels) \(threads): \(message)")
        let lockURL = url.deletingPathExtension().appendingPathExtension("lock.json")
        var lock = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: lockURL)) as? [String: Any])
        let environmentBlock = lock.removeValue(forKey: "environment") as? [String: Any]
        return Outcome(
            numbers: Self.withoutTimes(lock) as! NSDictionary,
            mathLibrary: environmentBlock?["mathLibrary"] as? String ?? "")
    }

    /// The lock's JSON without wall-clock values.
    private static func withoutTimes(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            if object["timing"] as? Bool == true { return NSNull() }
            var kept: [String: Any] = [:]
            for (key, member) in object
            where !(key == "seconds" || key.hasPrefix("latency") || key.hasPrefix("speedup")) {
                kept[key] = withoutTimes(member)
            }
            return kept as NSDictionary
        }
        if let array = value as? [Any] { return array.map(withoutTimes) as NSArray }
        return value
    }

    private func baseline(_ notebook: String) throws -> Outcome {
        if let known = Self.baselines[notebook] { return known }
        let outcome = try run(notebook, kernels: "portable", threads: 1)
        XCTAssertTrue(outcome.mathLibrary.contains("portable"), outcome.mathLibrary)
        Self.baselines[notebook] = outcome
        return outcome
    }

    /// Runs every notebook under `kernels` with `threads` and compares with the portable baseline.
    private func check(kernels: String, threads: [Int]) throws {
        for notebook in Self.notebooks {
            let expected = try baseline(notebook)
            for count in threads {
                let got = try run(notebook, kernels: kernels, threads: count)
                try XCTSkipUnless(
                    got.mathLibrary.contains("(\(kernels) kernels)"),
                    "this CPU has no \(kernels) support (the run used \(got.mathLibrary)): the \(kernels) leg was not run"
                )
                XCTAssertEqual(
                    got.numbers, expected.numbers,
                    "\(notebook): \(kernels) with \(count) threads differs from portable with 1 thread")
            }
        }
    }

    func testPortableTwoThreadsEqualsOne() throws { try check(kernels: "portable", threads: [2]) }
    func testAVX2EqualsPortable() throws { try check(kernels: "avx2", threads: [1, 2]) }
    func testAVX512EqualsPortable() throws { try check(kernels: "avx512", threads: [1, 2]) }
}
