import Foundation

/// The committed test fixtures in `Tests/Fixtures`, shared by every test target.
public enum Fixtures {
    /// `Tests/Fixtures`.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures", isDirectory: true)

    /// `Tests/Fixtures/mnist-small`: the first 2,000 + 500 real MNIST images, gzipped IDX.
    public static let mnistSmall = root.appendingPathComponent("mnist-small", isDirectory: true)

    /// `Tests/Fixtures/notebooks/<name>`.
    public static func notebook(_ name: String) -> URL {
        root.appendingPathComponent("notebooks/\(name)")
    }
}
