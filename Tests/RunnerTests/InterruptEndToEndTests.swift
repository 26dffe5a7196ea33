import Foundation
import XCTest

/// Ctrl-C in the middle of a training, through the real command line: the run stops at once with
/// status 130 and says so, leaves no half-written file, and a rerun resumes the training from its
/// last epoch checkpoint and writes the same lock as a run that was never interrupted.
final class InterruptEndToEndTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws { harness = try CommandLineHarness() }
    override func tearDown() { harness?.cleanUp() }

    /// Every file under `folder` (recursively), relative paths.
    private func files(under folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        return (enumerator?.allObjects as? [String] ?? []).sorted()
    }

    /// Every file outside the cache folders and the captured stderr, with its size and modification date.
    private func outputs() -> [String: String] {
        var result: [String: String] = [:]
        for path in files(under: harness.folder) where !path.hasPrefix("cache") && !path.hasPrefix("stderr-") {
            let attributes = try? FileManager.default.attributesOfItem(
                atPath: harness.folder.appendingPathComponent(path).path)
            result[path] = "\(attributes?[.size] ?? "?") \(attributes?[.modificationDate] ?? "?")"
        }
        return result
    }

    func testCtrlCDuringTrainingLeavesNothingHalfWrittenAndARerunResumesToTheSameLock() throws {
        let notebook = try harness.notebook()
        let lockURL = harness.folder.appendingPathComponent("small.lock.json")
        let arguments = [notebook.path, "--threads", "1", "--set", "epochs=6"] + harness.fixtureArguments

        let reference = try harness.run(arguments + ["--cache", "cache-straight"], environment: [:])
        XCTAssertEqual(reference.status, 0, reference.stderr)
        let referenceLock = try Data(contentsOf: lockURL)
        let before = outputs()
        XCTAssertGreaterThan(before.count, 2, "the article and the lock: \(before)")

        let cache = harness.folder.appendingPathComponent("cache-interrupted")
        let started = try harness.start(arguments + ["--cache", cache.path])
        let deadline = Date().addingTimeInterval(120)
        var printed = ""
        while !printed.contains("epoch 2:"), started.process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            printed = (try? String(contentsOf: started.stderr, encoding: .utf8)) ?? ""
        }
        XCTAssertTrue(started.process.isRunning, "the run ended before it could be interrupted:\n\(printed)")
        kill(started.process.processIdentifier, SIGINT)
        let interrupted = started.finish()
        XCTAssertEqual(interrupted.status, 130, interrupted.stderr)
        XCTAssertTrue(
            interrupted.stderr.contains("nbrun: interrupted; finished results and the running training's last epoch"),
            interrupted.stderr)
        XCTAssertFalse(interrupted.stderr.contains("[5/6] write"), "it was meant to stop in the execute stage")

        // The article and lock of the earlier run untouched, no temporary file anywhere, one checkpoint.
        XCTAssertEqual(outputs(), before, "files outside the cache changed")
        XCTAssertEqual(files(under: harness.folder).filter { $0.contains(".tmp-") }, [], "temporary files left behind")
        let checkpoints = files(under: cache.appendingPathComponent("checkpoints"))
        XCTAssertEqual(checkpoints.count, 1, "the running training's checkpoint: \(checkpoints)")

        let rerun = try harness.run(arguments + ["--cache", cache.path], environment: [:])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertFalse(rerun.stderr.contains("warning:"), rerun.stderr)
        XCTAssertTrue(
            rerun.stderr.range(of: #"resuming after epoch [1-5] of 6"#, options: .regularExpression) != nil,
            rerun.stderr)
        let resumedTraining =
            rerun.stderr.components(separatedBy: "train run").last?
            .components(separatedBy: "[4/6]").first ?? ""
        XCTAssertFalse(resumedTraining.contains("epoch 1:"), "the resumed training ran epoch 1 again:\n\(rerun.stderr)")
        XCTAssertEqual(try Data(contentsOf: lockURL), referenceLock, "the lock differs from the uninterrupted run's")
        XCTAssertEqual(files(under: cache.appendingPathComponent("checkpoints")), [], "checkpoints left after the run")
    }
}
