import AtomicFiles
import Foundation
import TestSupport
import XCTest

/// Files and folders appear whole or not at all; a failed writer leaves the old content.
final class AtomicFilesTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try Scratch.directory(self, prefix: "atomic")
    }

    private func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func testWriteReplacesTheFileAndLeavesNoTemporary() throws {
        let url = folder.appendingPathComponent("sub/a.json")
        try AtomicWrite.write(Data("one".utf8), to: url)
        try AtomicWrite.write([UInt8]("two".utf8), to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "two")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path), ["a.json"])
    }

    func testCreateNeverReplacesAnExistingFile() throws {
        let url = folder.appendingPathComponent("new.md")
        try AtomicWrite.create(Data("first".utf8), at: url)
        XCTAssertThrowsError(try AtomicWrite.create(Data("second".utf8), at: url)) { error in
            XCTAssertEqual((error as? AtomicFileError)?.message, "\(url.path) already exists")
        }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "first")
        XCTAssertEqual(try names(), ["new.md"], "no temporary file left behind")
    }

    func testWriteIntoAFileInsteadOfAFolderFailsWithItsPath() throws {
        let blocker = folder.appendingPathComponent("file")
        try Data().write(to: blocker)
        XCTAssertThrowsError(try AtomicWrite.write(Data("x".utf8), to: blocker.appendingPathComponent("a"))) { error in
            XCTAssertTrue((error as? AtomicFileError)?.message.contains(blocker.path) == true, "\(error)")
        }
    }

    func testFailedReplaceKeepsTheOldFolder() throws {
        let target = folder.appendingPathComponent("out")
        try AtomicDirectory.replace(target) { try Data("old".utf8).write(to: $0.appendingPathComponent("index.html")) }
        struct Boom: Error {}
        XCTAssertThrowsError(
            try AtomicDirectory.replace(target) { staging in
                try Data("half".utf8).write(to: staging.appendingPathComponent("index.html"))
                throw Boom()
            })
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("index.html"), encoding: .utf8), "old")
        XCTAssertEqual(try names(), ["out"])
    }

    func testReplaceDropsStaleEntriesWithAndWithoutExchange() throws {
        let target = folder.appendingPathComponent("out")
        try AtomicDirectory.replace(target) { try Data().write(to: $0.appendingPathComponent("stale.png")) }
        for exchange in [true, false] {
            try AtomicDirectory.replace(target, allowExchange: exchange) {
                try Data().write(to: $0.appendingPathComponent("new.png"))
            }
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target.path), ["new.png"])
            XCTAssertEqual(try names(), ["out"])
        }
    }

    func testReplaceRefusesAFolderWithForeignFiles() throws {
        let target = folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data().write(to: target.appendingPathComponent("thesis.tex"))
        XCTAssertThrowsError(
            try AtomicDirectory.replace(target, ownedEntries: ["index.html"], owner: "the writer") { _ in }
        ) { error in
            XCTAssertEqual(
                (error as? AtomicFileError)?.message,
                """
                refusing to replace \(target.path): it holds files the writer did not make (thesis.tex); \
                choose an empty or new output folder
                """)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: target.appendingPathComponent("thesis.tex").path))
    }

    func testInstallKeepsAnExistingEntryAndFailedFillsLeaveNothing() throws {
        let target = folder.appendingPathComponent("entry")
        struct Boom: Error {}
        XCTAssertThrowsError(try AtomicDirectory.install(target) { _ in throw Boom() })
        XCTAssertEqual(try names(), [])
        try AtomicDirectory.install(target) { try Data("first".utf8).write(to: $0.appendingPathComponent("v")) }
        try AtomicDirectory.install(target) { try Data("second".utf8).write(to: $0.appendingPathComponent("v")) }
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("v"), encoding: .utf8), "first")
        XCTAssertEqual(try names(), ["entry"])
    }
}
