import XCTest

@testable import Datasets

final class DataDirectoryTests: XCTestCase {
    func testPrecedence() {
        let cases: [(String?, [String: String], String)] = [
            ("/o", ["NBRUN_DATA": "/n", "XDG_CACHE_HOME": "/x", "HOME": "/h"], "/o"),
            (nil, ["NBRUN_DATA": "/n", "XDG_CACHE_HOME": "/x", "HOME": "/h"], "/n"),
            (nil, ["XDG_CACHE_HOME": "/x", "HOME": "/h"], "/x/nbrun"),
            (nil, ["HOME": "/h"], "/h/.cache/nbrun"),
            ("", ["NBRUN_DATA": "", "XDG_CACHE_HOME": "", "HOME": "/h"], "/h/.cache/nbrun"),
            ("~/data", ["HOME": "/h"], "/h/data"),
            (nil, ["NBRUN_DATA": "~", "HOME": "/h"], "/h"),
            ("/a/b/../c", ["HOME": "/h"], "/a/c"),
        ]
        for (override, env, expected) in cases {
            XCTAssertEqual(
                DataDirectory.resolve(override: override, environment: env).path, expected,
                "override \(override ?? "nil"), env \(env)")
        }
    }

    func testRelativeOverrideIsTakenFromTheCurrentDirectory() {
        let url = DataDirectory.resolve(override: "rel/dir", environment: ["HOME": "/h"])
        XCTAssertEqual(url.path, FileManager.default.currentDirectoryPath + "/rel/dir")
    }
}
