import AtomicFiles
import Foundation
import Hashing

/// CSV files: label first, then pixels (see `CSVImageReader`).
extension DatasetLoader {
    /// Reads `train` and optionally `test`; without a test file the test split is empty.
    func loadCSV(train: URL, test: URL?, name: String) throws -> Dataset {
        var checksums = [String: String]()
        func read(_ url: URL) throws -> ImageSet {
            if let kind = FileKind.irregular(url) {
                throw DatasetError(
                    "\(url.path) is \(kind), not a csv file. Check the csv: path in the dataset directive.")
            }
            guard FileBytes.size(url) != nil else {
                throw DatasetError("\(url.path) does not exist. Check the csv: path in the dataset directive.")
            }
            let bytes = try FileBytes.contents(of: url)
            checksums[url.lastPathComponent] = SHA256Hex.of(bytes)
            return try CSVImageReader.parse(bytes, name: url.path)
        }
        let trainSet = try read(train)
        var testSet = ImageSet(
            count: 0, height: trainSet.height, width: trainSet.width,
            channels: trainSet.channels, pixels: [], labels: [])
        if let test {
            testSet = try read(test)
            guard testSet.imageSize == trainSet.imageSize else {
                throw DatasetError(
                    "\(test.path) has \(testSet.imageSize) pixels per row but \(train.path) has \(trainSet.imageSize)")
            }
        }
        return Dataset(
            name: name, train: trainSet, test: testSet, checksums: checksums,
            classNames: Self.numericClassNames(trainSet, testSet))
    }
}
