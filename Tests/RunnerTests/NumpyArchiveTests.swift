import Foundation
import Hashing
import XCTest

@testable import Runner

/// The `.npz` writer: one entry of each element type, read back by NumPy, and its bytes pinned
/// (they never depend on the clock; a change of layout shows here first).
final class NumpyArchiveTests: XCTestCase {
    private func archive() -> Data {
        var archive = NumpyArchive()
        archive.add("weights", float32: [1.5, -2, 0, 3.25, .leastNonzeroMagnitude, -0.0], shape: [2, 3])
        archive.add("losses", float64: [0.1, 2.5e-300, -7], shape: [3])
        archive.add("order", int32: [3, 0, 2, 1, -5, Int32.max], shape: [3, 2])
        return archive.zipped()
    }

    func testTheBytesArePinned() {
        XCTAssertEqual(SHA256Hex.of(archive()), "5a952548c499d60cea1ecdacf31cbe94b304d794a789640912699ed93be40c9c")
    }

    func testNumpyReadsEveryEntry() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("npz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.npz")
        try archive().write(to: file)
        let script = """
            import numpy as np, sys
            a = np.load(sys.argv[1])
            assert sorted(a.files) == ["losses", "order", "weights"], a.files
            w = a["weights"]
            assert w.dtype == np.float32 and w.shape == (2, 3), (w.dtype, w.shape)
            assert w.tolist() == [[1.5, -2.0, 0.0], [3.25, float(np.float32(1.4e-45)), -0.0]], w.tolist()
            assert np.signbit(w[1, 2])
            l = a["losses"]
            assert l.dtype == np.float64 and l.tolist() == [0.1, 2.5e-300, -7.0], l.tolist()
            o = a["order"]
            assert o.dtype == np.int32 and o.tolist() == [[3, 0], [2, 1], [-5, 2147483647]], o.tolist()
            print("ok")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertEqual(text, "ok\n")
    }
}
