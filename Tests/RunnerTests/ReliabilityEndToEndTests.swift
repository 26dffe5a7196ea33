import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 18 through the built `nbrun`: bad command lines, locks, output folders, data paths, a NaN
/// loss, hidden directives. Each case: exit status, the message, and what was (not) written.
final class ReliabilityEndToEndTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws {
        harness = try CommandLineHarness()
    }

    override func tearDown() {
        harness.cleanUp()
    }

    private func path(_ name: String) -> String { harness.folder.appendingPathComponent(name).path }
    private func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    /// Command lines refused before anything is read or written, each with its own words.
    func testBadCommandLinesSayWhatIsWrong() throws {
        let notebook = try harness.notebook().lastPathComponent
        try Data("x".utf8).write(to: URL(fileURLWithPath: path("afile")))
        try FileManager.default.createDirectory(atPath: path("folder.md"), withIntermediateDirectories: true)
        let cases: [(arguments: [String], status: Int32, message: String)] = [
            (["folder.md"], 1, "folder.md is a folder, not a notebook; give the path of a Markdown file"),
            ([notebook, "--threads", "-1"], 2, "--threads must be at least 1, got -1."),
            ([notebook, "--threads", "0"], 2, "--threads must be at least 1, got 0."),
            ([notebook, "--output", ""], 2, "--output needs a folder name, got an empty one"),
            ([notebook, "--output", "afile"], 2, "--output afile is a file, not a folder"),
            (["check", notebook, "--output", "afile"], 2, "--output afile is a file, not a folder"),
        ]
        for c in cases {
            let outcome = try harness.run(c.arguments + harness.fixtureArguments)
            XCTAssertEqual(outcome.status, c.status, "\(c.arguments): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains(c.message), "\(c.arguments): \(outcome.stderr)")
            XCTAssertFalse(outcome.stderr.contains("NSCocoaErrorDomain"), outcome.stderr)
            XCTAssertFalse(outcome.stderr.contains("Missing value"), outcome.stderr)
            XCTAssertFalse(exists("small.lock.json") || exists("output"), "\(c.arguments) wrote something")
        }
    }

    /// A lock names its notebook: another notebook's lock is neither checked against nor overwritten;
    /// unknown formats and missing keys are said in words, never as a raw `DecodingError`.
    func testLocksOfOtherNotebooksFormatsOrWithMissingKeysAreRefused() throws {
        let notebook = try harness.notebook().lastPathComponent
        let lock = path("small.lock.json")
        func write(_ json: String) throws { try Data(json.utf8).write(to: URL(fileURLWithPath: lock)) }
        let valid = """
            {"format": 1, "notebook": "small.txt", "notebookSHA256": "00", "directives": {}, "shown": [],
             "environment": {"nbrun": "0", "numerics": "3", "cpu": "x", "mathLibrary": "m", "threads": 1,
                             "seed": 7, "data": {}}}
            """
        let cases: [(json: String, command: [String], message: String)] = [
            (valid, ["check", notebook], "small.lock.json is the lock of the notebook `small.txt`, not of `small.md`"),
            (valid, [notebook], "small.lock.json is the lock of the notebook `small.txt`, not of `small.md`"),
            (
                valid.replacingOccurrences(of: "\"format\": 1", with: "\"format\": 7"), ["check", notebook],
                "not a valid nbrun lock file (its format is 7, and this nbrun reads format 1"
            ),
            (
                #"{"format": 1, "notebook": "small.md"}"#, ["check", notebook],
                "not a valid nbrun lock file (the key `notebookSHA256` is missing)"
            ),
            (
                valid.replacingOccurrences(of: "\"threads\": 1", with: "\"threads\": \"one\""), ["check", notebook],
                "not a valid nbrun lock file (`environment.threads` has the wrong type or is null)"
            ),
        ]
        for c in cases {
            try write(c.json)
            let outcome = try harness.run(c.command + harness.fixtureArguments)
            XCTAssertEqual(outcome.status, 1, "\(c.message): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains(c.message), "expected \(c.message): \(outcome.stderr)")
            XCTAssertFalse(outcome.stderr.contains("DecodingError"), outcome.stderr)
            XCTAssertFalse(outcome.stderr.contains("[3/6]"), "something ran: \(outcome.stderr)")
            XCTAssertEqual(try String(contentsOfFile: lock, encoding: .utf8), c.json, "the lock was changed")
            XCTAssertFalse(exists("output"))
        }
    }

    /// A folder nbrun did not write (no marker, or files the marker does not list) is refused before
    /// anything runs, and nothing in it is touched.
    func testOutputFoldersNbrunDidNotWriteAreRefusedBeforeRunning() throws {
        let notebook = try harness.notebook().lastPathComponent
        let page = path("output/small/index.html")
        try FileManager.default.createDirectory(atPath: path("output/small"), withIntermediateDirectories: true)
        try Data("my own page".utf8).write(to: URL(fileURLWithPath: page))
        let outcome = try harness.run([notebook] + harness.fixtureArguments)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(
            outcome.stderr.contains("it holds files the article writer did not make (index.html)"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("[1/6]"), "it ran first: \(outcome.stderr)")
        XCTAssertEqual(try String(contentsOfFile: page, encoding: .utf8), "my own page")
        XCTAssertFalse(exists("small.lock.json"))
    }

    /// A notebook every test image of which the model gets right: the misclassified figure says so,
    /// the output folder carries its marker, a user's file in it stops the next run, and staging
    /// folders of killed runs are removed while a live run's are kept.
    func testEmptyMisclassifiedMarkerAndStaleStagingFolders() throws {
        try writeEasyData()
        try Data(Self.easy.utf8).write(to: URL(fileURLWithPath: path("easy.md")))
        var outcome = try harness.run(["easy.md", "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let html = try String(contentsOfFile: path("output/easy/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("alt=\"no misclassified images (all 10 classified correctly)\""), html)
        XCTAssertTrue(exists("output/easy/figures/wrong.png"))
        let marker = try String(contentsOfFile: path("output/easy/.nbrun-output"), encoding: .utf8)
        XCTAssertEqual(
            marker.split(separator: "\n").dropFirst(), ["figures/wrong.png", "index.html", "timings.json"])

        // A user's file inside the folder: refused, kept.
        let vacation = path("output/easy/figures/vacation.png")
        try Data("photo".utf8).write(to: URL(fileURLWithPath: vacation))
        outcome = try harness.run(["easy.md", "--quiet"])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("(figures/vacation.png)"), outcome.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: vacation))
        try FileManager.default.removeItem(atPath: vacation)

        // Leftovers of a killed run (a process that no longer exists) go; a live process's stay.
        let dead = try deadProcessID()
        let stale = ".easy.tmp-\(dead)-ABCDEFGH"
        let staleBackup = ".easy.old-\(dead)-ABCDEFGH"
        let live = ".easy.tmp-\(getpid())-ABCDEFGH"
        for name in [stale, staleBackup, live] {
            try FileManager.default.createDirectory(atPath: path("output/\(name)"), withIntermediateDirectories: true)
        }
        outcome = try harness.run(["easy.md", "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertFalse(exists("output/\(stale)"))
        XCTAssertFalse(exists("output/\(staleBackup)"))
        XCTAssertTrue(exists("output/\(live)"))
    }

    /// Keras' TerminateOnNaN: a diverging training stops at its batch, at the train's line, exit 1,
    /// and neither the article nor the lock is written.
    func testNaNLossStopsTrainingWithEpochAndBatch() throws {
        try writeEasyData()
        let diverging = Self.easy.replacingOccurrences(
            of: "optimizer: {name: adam, learning_rate: 0.1}", with: "optimizer: {name: sgd, learning_rate: 1e38}"
        ).replacingOccurrences(of: "Flatten()\n", with: "Flatten()\nDense(8, activation=\"relu\")\n")
        try Data(diverging.utf8).write(to: URL(fileURLWithPath: path("easy.md")))
        let outcome = try harness.run(["easy.md", "--quiet"])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(
            outcome.stderr.contains(
                "easy.md:17:1: error: train `m`: the loss became NaN at epoch 1, batch 2 of 8; training stopped"),
            outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("Unable to encode"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("internal error"), outcome.stderr)
        XCTAssertFalse(exists("easy.lock.json") || exists("output/easy"))
    }

    /// A csv path that is a folder, a FIFO or a device is named as such; a parse error names line and
    /// column without echoing the file's text.
    func testCSVPathsAndContentsGetTheRightWords() throws {
        try writeEasyData()
        try FileManager.default.createDirectory(atPath: path("folder.csv"), withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(path("pipe.csv"), 0o600), 0)
        try Data("0,1,2,3,4\n1,2,secret-token,4,5\n".utf8).write(to: URL(fileURLWithPath: path("bad.csv")))
        let cases: [(csv: String, message: String)] = [
            ("folder.csv", "folder.csv is a folder, not a csv file"),
            ("pipe.csv", "pipe.csv is a FIFO (named pipe), not a csv file"),
            ("/dev/zero", "/dev/zero is a device, not a csv file"),
            ("bad.csv", "bad.csv:2:5: field 3 is not an integer; expected an integer from 0 to 255"),
        ]
        for c in cases {
            let notebook = Self.easy.replacingOccurrences(of: "train: easy-train.csv", with: "train: \(c.csv)")
            try Data(notebook.utf8).write(to: URL(fileURLWithPath: path("easy.md")))
            let started = Date()
            let outcome = try harness.run(["easy.md", "--quiet"])
            XCTAssertLessThan(Date().timeIntervalSince(started), 30, "\(c.csv) hung")
            XCTAssertEqual(outcome.status, 1, outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("easy.md:6:1: error: data set `d` cannot be loaded"), outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains(c.message), "\(c.csv): \(outcome.stderr)")
            XCTAssertFalse(outcome.stderr.contains("does not exist"), outcome.stderr)
            XCTAssertFalse(outcome.stderr.contains("secret-token"), outcome.stderr)
            XCTAssertFalse(exists("easy.lock.json") || exists("output/easy"))
        }
    }

    /// Warnings for what parses but is surely not meant; they print even with `--quiet`.
    func testHiddenDirectivesAndEmptyNotebooksWarn() throws {
        try writeEasyData()
        let hidden = Self.easy.replacingOccurrences(
            of: "```{misclassified} wrong", with: "````text\n```{misclassified} wrong")
        try Data(hidden.utf8).write(to: URL(fileURLWithPath: path("easy.md")))
        var outcome = try harness.run(["easy.md", "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(
            outcome.stderr.contains(
                "easy.md:31:1: warning: this code block is never closed; 1 directive after it is not run"),
            outcome.stderr)
        try Data().write(to: URL(fileURLWithPath: path("empty.md")))
        outcome = try harness.run(["empty.md", "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(
            outcome.stderr.contains("empty.md:1:1: warning: the notebook has no text and no directives"),
            outcome.stderr)
    }

    /// A line of 2,000 `<` in a model: a bounded report, quickly.
    func testFloodOfErrorsIsBoundedThroughTheCLI() throws {
        let line = String(repeating: "<", count: 2000)
        let notebook = try harness.notebook(edit: {
            $0.replacingOccurrences(of: "Flatten()\n", with: "Flatten()\n\(line)\n")
        })
        let started = Date()
        let outcome = try harness.run([notebook.lastPathComponent] + harness.fixtureArguments)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("more errors on this line, not shown"), outcome.stderr)
        XCTAssertLessThan(outcome.stderr.utf8.count, 30_000)
    }

    // MARK: fixtures

    /// Two classes a single dense layer separates perfectly: dark and bright 2x2 images.
    static let easy = """
        ---
        title: Easy
        seed: 1
        ---

        ```{dataset} d
        csv: {train: easy-train.csv, test: easy-test.csv}
        ```

        ```{model} m
        Input(shape=(2, 2, 1))
        Flatten()
        Dense(2, activation="softmax")
        ```

        ```{train} m
        data: d
        optimizer: {name: adam, learning_rate: 0.1}
        loss: sparse_categorical_crossentropy
        metrics: [accuracy]
        epochs: 20
        batch_size: 8
        ```

        ```{evaluate} e
        model: m
        ```

        Accuracy {{ e.accuracy | percent(1) }}.

        ```{misclassified} wrong
        model: e
        ```

        """

    private func writeEasyData() throws { try Self.writeEasyData(into: harness.folder) }

    static func writeEasyData(into folder: URL) throws {
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        func rows(_ n: Int) -> String {
            (0..<n).map { i in
                let c = i % 2
                return ([c] + (0..<4).map { j in c == 1 ? 200 + (i * 7 + j * 3) % 55 : (i * 5 + j * 11) % 40 })
                    .map(String.init).joined(separator: ",")
            }.joined(separator: "\n") + "\n"
        }
        try Data(rows(60).utf8).write(to: URL(fileURLWithPath: path("easy-train.csv")))
        try Data(rows(10).utf8).write(to: URL(fileURLWithPath: path("easy-test.csv")))
    }

    /// The id of a process that has exited (a child that ran `true` and was reaped).
    private func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
