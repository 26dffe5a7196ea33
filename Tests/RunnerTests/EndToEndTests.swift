import Foundation
import XCTest

/// The real CLI on a small notebook and the shipped MNIST subset: article, figures, lock, cache, check.
final class EndToEndTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws {
        harness = try CommandLineHarness()
    }

    override func tearDown() {
        harness.cleanUp()
    }

    private func lock(_ notebook: URL) throws -> [String: Any] {
        let url = notebook.deletingPathExtension().appendingPathExtension("lock.json")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    private func shownTexts(_ lock: [String: Any]) -> [String] {
        (lock["shown"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
    }

    private func history(_ lock: [String: Any], _ id: String, _ name: String) -> [Double] {
        let directives = lock["directives"] as? [String: Any]
        let directive = directives?[id] as? [String: Any]
        return (directive?["history"] as? [String: Any])?[name] as? [Double] ?? []
    }

    func testRunWritesArticleFiguresAndLock() throws {
        let notebook = try harness.notebook()
        let outcome = try harness.run([notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("] train run"), outcome.stderr)
        let page = harness.folder.appendingPathComponent("output/small/index.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        XCTAssertTrue(html.contains("lang=\"en\""))
        let prose = html.replacingOccurrences(of: "<pre[^>]*>[\\s\\S]*?</pre>", with: "", options: .regularExpression)
        XCTAssertFalse(prose.contains("{{"), "unreplaced inline value")
        for figure in ["curves.png", "first_digits.png", "test_confusion.png", "test_errors.png"] {
            let data = try Data(contentsOf: harness.folder.appendingPathComponent("output/small/figures/\(figure)"))
            XCTAssertEqual(Array(data.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "\(figure) is not a PNG")
        }
        let recorded = try lock(notebook)
        XCTAssertEqual(history(recorded, "train run", "val_loss").count, 2)
        XCTAssertGreaterThan(shownTexts(recorded).count, 5)
        // Training on 1,600 images for 2 epochs must beat chance by far (stated bound: > 50 %).
        let accuracy = history(recorded, "train run", "val_accuracy").last ?? 0
        XCTAssertGreaterThan(accuracy, 0.5)
    }

    func testSecondRunAndProseEditReuseTheCacheWithSameNumbers() throws {
        let notebook = try harness.notebook()
        XCTAssertEqual(try harness.run([notebook.path] + harness.fixtureArguments).status, 0)
        let first = try lock(notebook)
        let edited = try harness.notebook {
            $0.replacingOccurrences(of: "## Findings", with: "## What we found\n\nA new sentence.")
        }
        let second = try harness.run([edited.path] + harness.fixtureArguments)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("train run (cached)"), second.stderr)
        XCTAssertEqual(shownTexts(try lock(notebook)), shownTexts(first))
    }

    func testChangedRateRetrainsOnlyTheRunThatUsesIt() throws {
        let notebook = try harness.notebook()
        XCTAssertEqual(try harness.run([notebook.path] + harness.fixtureArguments).status, 0)
        let changed = try harness.run([notebook.path, "--set", "rate=0.2"] + harness.fixtureArguments)
        XCTAssertEqual(changed.status, 0, changed.stderr)
        XCTAssertFalse(changed.stderr.contains("train run (cached)"), changed.stderr)
        XCTAssertTrue(changed.stderr.contains("train run"), changed.stderr)
        XCTAssertTrue(changed.stderr.contains("train baseline (cached)"), changed.stderr)
    }

    func testCheckPassesAfterRunAndFailsOnAChangedNumber() throws {
        let notebook = try harness.notebook()
        XCTAssertEqual(try harness.run([notebook.path] + harness.fixtureArguments).status, 0)
        let check = try harness.run(["check", notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(check.status, 0, check.stderr + check.stdout)
        XCTAssertTrue(check.stdout.contains("numbers identical"), check.stdout)
        XCTAssertFalse(check.stdout.contains("CHANGED"), check.stdout)

        let url = notebook.deletingPathExtension().appendingPathExtension("lock.json")
        var text = try String(contentsOf: url, encoding: .utf8)
        let value = history(try lock(notebook), "train run", "val_loss")[1]
        let original = "\(Float(value))"
        XCTAssertTrue(text.contains(original), "lock should print \(original) as written")
        text = text.replacingOccurrences(of: original, with: "\(Float(value) * 1.5)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let failed = try harness.run(["check", notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.contains("`train run`"), failed.stderr)
        XCTAssertTrue(failed.stderr.contains("val_loss"), failed.stderr)
    }

    func testStaleLockIsReportedAsStale() throws {
        let notebook = try harness.notebook()
        XCTAssertEqual(try harness.run([notebook.path] + harness.fixtureArguments).status, 0)
        let check = try harness.run(["check", notebook.path, "--set", "epochs=1"] + harness.fixtureArguments)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("stale"), check.stdout)
        XCTAssertTrue(check.stderr.contains("stale"), check.stderr)
    }

    func testOneAndTwoThreadsGiveTheSameBits() throws {
        let notebook = try harness.notebook()
        XCTAssertEqual(try harness.run([notebook.path, "--no-cache"] + harness.fixtureArguments, threads: 1).status, 0)
        let one = try lock(notebook)
        XCTAssertEqual(try harness.run([notebook.path, "--no-cache"] + harness.fixtureArguments, threads: 2).status, 0)
        let two = try lock(notebook)
        for name in ["loss", "accuracy", "val_loss", "val_accuracy"] {
            XCTAssertEqual(history(one, "train run", name), history(two, "train run", name), name)
        }
        XCTAssertEqual(shownTexts(one), shownTexts(two))
    }

    func testBadNotebookIsReportedAtItsLineAndWritesNothing() throws {
        let notebook = try harness.notebook { $0.replacingOccurrences(of: "model: tiny", with: "model: tinny") }
        let outcome = try harness.run([notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("small.md:46:8:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("tinny"), outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: harness.folder.appendingPathComponent("output").path))
        XCTAssertFalse(
            FileManager.default.fileExists(
                atPath: notebook.deletingPathExtension().appendingPathExtension("lock.json").path))
    }

    func testKernelLargerThanItsInputIsReportedAtThatLayer() throws {
        let notebook = try harness.notebook {
            $0.replacingOccurrences(of: "MaxPooling2D()\nFlatten()", with: "MaxPooling2D()\nConv2D(8, 20)\nFlatten()")
        }
        let outcome = try harness.run([notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("small.md:36:1:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("Conv2D(8, 20)"), outcome.stderr)
    }

    func testUsageErrorExitsWithTwo() throws {
        let outcome = try harness.run(["--no-such-option"])
        XCTAssertEqual(outcome.status, 2, outcome.stderr)
    }

    func testKilledRunLeavesNoEntryThatALaterRunTrusts() throws {
        let notebook = try harness.notebook { $0.replacingOccurrences(of: "epochs: 2", with: "epochs: 6") }
        let process = Process()
        process.executableURL = CommandLineHarness.executable
        process.arguments = [notebook.path] + harness.fixtureArguments
        process.currentDirectoryURL = harness.folder
        var environment = ProcessInfo.processInfo.environment
        environment["NBRUN_CACHE"] = harness.folder.appendingPathComponent("cache").path
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        try process.run()
        // Kill the run as soon as training has finished its first epoch.
        var seen = ""
        while !seen.contains("epoch 1:") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertTrue(seen.contains("epoch 1:"), seen)

        let rerun = try harness.run([notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertFalse(rerun.stderr.contains("(cached)") && rerun.stderr.contains("train run (cached)"), rerun.stderr)
        let afterKill = try lock(notebook)
        let clean = try harness.run([notebook.path, "--no-cache"] + harness.fixtureArguments)
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertEqual(
            history(afterKill, "train run", "val_loss"), history(try lock(notebook), "train run", "val_loss"))
    }
}
