import Foundation
import XCTest

/// Fresh temporary folders for tests, removed when the test ends.
public enum Scratch {
    /// A new empty folder named `<prefix>-<UUID>` in the system's temporary folder, removed at the
    /// end of `test`.
    public static func directory(_ test: XCTestCase, prefix: String = "nbrun-test") throws -> URL {
        let url = try directory(prefix: prefix)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// A new empty folder that the caller removes.
    public static func directory(prefix: String = "nbrun-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
