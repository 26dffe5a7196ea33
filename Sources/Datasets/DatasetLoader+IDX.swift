import Foundation
import Hashing

/// IDX directories (gzip-compressed or raw) and Fashion-MNIST, which Debian ships as such.
extension DatasetLoader {
    /// Fashion-MNIST's ten class names, in label order (zalandoresearch/fashion-mnist README).
    static let fashionMNISTClassNames = [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ]

    /// Fashion-MNIST from `fashionMNISTDirectory`.
    func loadFashionMNIST() throws -> Dataset {
        let set = try loadIDX(
            directory: fashionMNISTDirectory, name: "fashion-mnist",
            missing: """
                Fashion-MNIST is not installed. Run scripts/setup.sh, or: apt-get install dataset-fashion-mnist
                """)
        return Dataset(
            name: set.name, train: set.train, test: set.test, checksums: set.checksums,
            classNames: Self.fashionMNISTClassNames)
    }

    /// The four IDX files of `directory`; `missing` is appended to the error when one is absent.
    func loadIDX(directory: URL, name: String, missing: String) throws -> Dataset {
        var checksums = [String: String]()
        func read(_ stem: String) throws -> (IDXFile, String) {
            let candidates = Self.idxFileNames(stem)
            guard
                let file = candidates.lazy.map({ directory.appendingPathComponent($0) })
                    .first(where: { FileBytes.size($0) != nil })
            else {
                throw DatasetError(
                    "\(directory.path) has no \(candidates[0]) (looked for \(candidates.joined(separator: ", "))). \(missing)"
                )
            }
            var bytes = try FileBytes.contents(of: file)
            checksums[file.lastPathComponent] = SHA256Hex.of(bytes)
            if Gzip.isCompressed(bytes) { bytes = try Gzip.decompress(bytes, name: file.path) }
            return (try IDXFile(parsing: bytes, name: file.path), file.lastPathComponent)
        }
        let (trainImages, trainImagesName) = try read("train-images-idx3-ubyte")
        let (trainLabels, trainLabelsName) = try read("train-labels-idx1-ubyte")
        let (testImages, testImagesName) = try read("t10k-images-idx3-ubyte")
        let (testLabels, testLabelsName) = try read("t10k-labels-idx1-ubyte")
        let train = try IDXPair.imageSet(
            images: trainImages, imagesName: trainImagesName,
            labels: trainLabels, labelsName: trainLabelsName)
        let test = try IDXPair.imageSet(
            images: testImages, imagesName: testImagesName,
            labels: testLabels, labelsName: testLabelsName)
        guard (train.height, train.width, train.channels) == (test.height, test.width, test.channels) else {
            throw DatasetError(
                "\(directory.path): training images are \(train.imageShape) but test images are \(test.imageShape)")
        }
        return Dataset(
            name: name, train: train, test: test, checksums: checksums,
            classNames: Self.numericClassNames(train, test))
    }

    /// The names accepted for one IDX file, preferred first: `stem.gz`, `stem`, and the dotted
    /// spelling (`train-images.idx3-ubyte[.gz]`) some mirrors use.
    static func idxFileNames(_ stem: String) -> [String] {
        var dotted = stem
        if let range = dotted.range(of: "-idx") { dotted.replaceSubrange(range, with: ".idx") }
        return [stem + ".gz", stem, dotted + ".gz", dotted]
    }
}
