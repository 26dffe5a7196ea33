import Foundation
import XCTest

@testable import Datasets

/// `nbrun new` writes a starter that runs as written (here with fewer rows and one epoch, through
/// `--set`, to keep the suite short) and never overwrites a file.
final class NewNotebookTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws {
        harness = try CommandLineHarness()
    }

    override func tearDown() {
        harness.cleanUp()
    }

    func testStarterRunsAndWritesItsArticle() throws {
        let data = DataDirectory.resolve(override: nil)
        try XCTSkipUnless(
            FileManager.default.fileExists(atPath: MNISTWheel.wheelURL(in: data).path)
                || FileManager.default.fileExists(atPath: data.appendingPathComponent("mnist").path),
            "MNIST is not in \(data.path) (run scripts/setup.sh)")
        let created = try harness.run(["new", "first.md"])
        XCTAssertEqual(created.status, 0, created.stderr)
        let text = try String(contentsOf: harness.folder.appendingPathComponent("first.md"), encoding: .utf8)
        XCTAssertTrue(text.contains("nbrun first.md --set epochs=10"), "the prose names the new file")
        XCTAssertFalse(text.contains("NOTEBOOK"))

        let run = try harness.run([
            "first.md", "--set", "epochs=1", "--set", "train_rows=2000", "--set", "test_rows=500", "--quiet",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        let html = try String(
            contentsOf: harness.folder.appendingPathComponent("output/first/index.html"), encoding: .utf8)
        let prose = html.replacingOccurrences(of: "<pre[^>]*>[\\s\\S]*?</pre>", with: "", options: .regularExpression)
        XCTAssertFalse(prose.contains("{{"), "unreplaced inline value")
        XCTAssertTrue(
            html.contains("2,000 training images and\n500 test images"), "the row limits reached the data set")
        for figure in ["first_digits.png", "accuracy.png", "cnn_confusion.png"] {
            let png = try Data(contentsOf: harness.folder.appendingPathComponent("output/first/figures/\(figure)"))
            XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], figure)
        }
        let lock = try XCTUnwrap(
            JSONSerialization.jsonObject(
                with: Data(contentsOf: harness.folder.appendingPathComponent("first.lock.json")))
                as? [String: Any])
        let directives = try XCTUnwrap(lock["directives"] as? [String: Any])
        for id in ["train linear_run", "train cnn_run", "evaluate linear_test", "evaluate cnn_test"] {
            XCTAssertNotNil(directives[id], "\(id) missing from the lock")
        }
    }

    func testNewRefusesToOverwriteAndNeedsAnMDName() throws {
        let existing = harness.folder.appendingPathComponent("mine.md")
        try "my notes\n".write(to: existing, atomically: true, encoding: .utf8)
        let refused = try harness.run(["new", "mine.md"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(
            refused.stderr.contains("mine.md already exists; nbrun new never overwrites a file"), refused.stderr)
        XCTAssertEqual(try String(contentsOf: existing, encoding: .utf8), "my notes\n")

        let wrongName = try harness.run(["new", "notes.txt"])
        XCTAssertEqual(wrongName.status, 2)
        XCTAssertTrue(wrongName.stderr.contains("must end in .md"), wrongName.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: harness.folder.appendingPathComponent("notes.txt").path))
    }
}
