import Foundation
import XCTest

/// Issue 18, class 6: the cache trusts nothing edited by hand. Each case damages every cache entry
/// of one kind after a first run; the next run warns naming the entry, recomputes it and produces
/// exactly the first run's numbers (the lock is byte-identical).
final class CacheIntegrityEndToEndTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws {
        harness = try CommandLineHarness()
    }

    override func tearDown() {
        harness.cleanUp()
    }

    private struct Damage {
        let name: String
        /// The file name damaged in every entry that holds it.
        let file: String
        let change: (URL) throws -> Void
        /// What the warning says about the file.
        let reason: String
    }

    private let damages: [Damage] = [
        Damage(
            name: "a number in the JSON set to 0.9999", file: "training.json",
            change: { url in
                let text = try String(contentsOf: url, encoding: .utf8)
                let edited = text.replacingOccurrences(
                    of: #"0\.[0-9]+"#, with: "0.9999", options: .regularExpression)
                XCTAssertNotEqual(text, edited)
                try edited.write(to: url, atomically: true, encoding: .utf8)
            }, reason: "training.json was changed after nbrun wrote it"),
        Damage(
            name: "saved weights scaled by 1.5", file: "weights.bin",
            change: { url in
                var data = try Data(contentsOf: url)
                data.withUnsafeMutableBytes { raw in
                    for offset in stride(from: 0, to: raw.count, by: 4) {
                        let bits = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                        let scaled = (Float(bitPattern: bits) * 1.5).bitPattern.littleEndian
                        raw.storeBytes(of: scaled, toByteOffset: offset, as: UInt32.self)
                    }
                }
                try data.write(to: url)
            }, reason: "weights.bin was changed after nbrun wrote it"),
        Damage(
            name: "evaluation JSON truncated", file: "evaluation.json",
            change: { url in try Data(Data(contentsOf: url).prefix(10)).write(to: url) },
            reason: "evaluation.json was changed after nbrun wrote it"),
        Damage(
            name: "digest removed", file: "digest.json",
            change: { url in try FileManager.default.removeItem(at: url) },
            reason: "it has no readable digest.json"),
    ]

    func testEditedCacheEntriesAreRecomputedWithAWarningNamingTheEntry() throws {
        let notebook = try harness.notebook()
        let lockURL = harness.folder.appendingPathComponent("small.lock.json")
        let cache = harness.folder.appendingPathComponent("cache")
        let pristine = harness.folder.appendingPathComponent("cache-pristine")
        let first = try harness.run([notebook.path] + harness.fixtureArguments)
        XCTAssertEqual(first.status, 0, first.stderr)
        let lock = try Data(contentsOf: lockURL)
        try FileManager.default.copyItem(at: cache, to: pristine)

        for damage in damages {
            try FileManager.default.removeItem(at: cache)
            try FileManager.default.copyItem(at: pristine, to: cache)
            let damaged = try files(named: damage.file, under: cache)
            XCTAssertFalse(damaged.isEmpty, damage.name)
            for file in damaged { try damage.change(file) }

            let again = try harness.run([notebook.path] + harness.fixtureArguments)
            XCTAssertEqual(again.status, 0, "\(damage.name): \(again.stderr)")
            for file in damaged {
                let entry = file.deletingLastPathComponent().path
                XCTAssertTrue(
                    again.stderr.contains("warning: cache entry \(entry) is damaged: \(damage.reason)"),
                    "\(damage.name): \(again.stderr)")
            }
            XCTAssertEqual(try Data(contentsOf: lockURL), lock, "\(damage.name): the edited value was believed")

            // The recomputed entry replaced the damaged one: a third run reads it without a warning.
            let third = try harness.run([notebook.path] + harness.fixtureArguments)
            XCTAssertEqual(third.status, 0, third.stderr)
            XCTAssertFalse(third.stderr.contains("warning:"), "\(damage.name): \(third.stderr)")
            XCTAssertTrue(third.stderr.contains("(cached)"), third.stderr)
        }
    }

    private func files(named name: String, under root: URL) throws -> [URL] {
        let paths = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.allObjects ?? []
        return paths.compactMap { $0 as? URL }.filter { $0.lastPathComponent == name }
            .map { $0.resolvingSymlinksInPath() }
    }
}
