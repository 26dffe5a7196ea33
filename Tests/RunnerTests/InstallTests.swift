import Foundation
import XCTest

/// `make install-files` into a temporary prefix, then the installed binary runs a notebook while the
/// package's `.build` folder is out of its sight (a private mount namespace with an empty tmpfs over
/// it), so nothing it needs may live there. A binary that looks its templates up in SwiftPM's resource
/// bundle dies at the end of such a run ("could not load resource bundle").
final class InstallTests: XCTestCase {
    private var harness: CommandLineHarness!

    override func setUpWithError() throws {
        harness = try CommandLineHarness()
    }

    override func tearDown() {
        harness.cleanUp()
    }

    private static let packageRoot = CommandLineHarness.fixtures.deletingLastPathComponent().deletingLastPathComponent()

    /// The files `make install` puts under the prefix, relative to it.
    private static let installedFiles = [
        "bin/nbrun", "share/man/man1/nbrun.1", "share/bash-completion/completions/nbrun",
        "share/zsh/site-functions/_nbrun", "share/fish/vendor_completions.d/nbrun.fish",
    ]

    private func make(_ arguments: [String]) throws -> CommandLineHarness.Outcome {
        try harness.runTool("/usr/bin/env", ["make", "--no-print-directory", "-C", Self.packageRoot.path] + arguments)
    }

    func testInstalledBinaryRunsANotebookWithTheBuildFolderHidden() throws {
        try XCTSkipUnless(getuid() == 0, "needs root for a private mount namespace (unshare -m)")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"), "needs unshare")
        let destdir = harness.folder.appendingPathComponent("destdir")
        let prefix = "/opt/nbrun-test"
        let root = destdir.appendingPathComponent(String(prefix.dropFirst()))
        let build = CommandLineHarness.executable.deletingLastPathComponent().lastPathComponent
        let install = try make(["install-files", "CONFIG=\(build)", "DESTDIR=\(destdir.path)", "PREFIX=\(prefix)"])
        XCTAssertEqual(install.status, 0, install.stderr)
        for file in Self.installedFiles {
            let url = root.appendingPathComponent(file)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size ?? 0, 0, "\(file) missing or empty")
        }
        let manPage = try String(contentsOf: root.appendingPathComponent("share/man/man1/nbrun.1"), encoding: .utf8)
        XCTAssertTrue(manPage.contains(".Dt NBRUN 1"), "not an mdoc page for nbrun(1)")
        XCTAssertTrue(manPage.contains("Fl -self-contained"), "the man page lacks the run options")
        let zsh = try String(
            contentsOf: root.appendingPathComponent("share/zsh/site-functions/_nbrun"), encoding: .utf8)
        XCTAssertTrue(zsh.hasPrefix("#compdef nbrun"), String(zsh.prefix(80)))

        // Run the installed copy with an empty tmpfs mounted over .build; the script first proves the
        // folder is empty to it, then runs the notebook.
        let notebook = try harness.notebook()
        let hidden = Self.packageRoot.appendingPathComponent(".build").path
        let script = """
            set -e
            mount -t tmpfs nbrun-hidden "$1"
            if [ -n "$(ls -A "$1")" ]; then echo "the build folder is still visible" >&2; exit 97; fi
            shift
            exec "$@"
            """
        let run = try harness.runTool(
            "/usr/bin/unshare",
            [
                "--mount", "--propagation", "private", "sh", "-c", script, "sh", hidden,
                root.appendingPathComponent("bin/nbrun").path, notebook.path, "--quiet",
            ] + harness.fixtureArguments)
        XCTAssertEqual(run.status, 0, run.stderr)
        let page = try String(
            contentsOf: harness.folder.appendingPathComponent("output/small/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<style>"), "the stylesheet was not inlined")
        XCTAssertTrue(page.contains("figures/curves.png"))
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: harness.folder.appendingPathComponent("small.lock.json").path))

        let uninstall = try make(["uninstall", "DESTDIR=\(destdir.path)", "PREFIX=\(prefix)"])
        XCTAssertEqual(uninstall.status, 0, uninstall.stderr)
        for file in Self.installedFiles {
            XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path), file)
        }
    }
}
