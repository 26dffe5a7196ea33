import Datasets
import Engine

/// A data set with its features ready for the engine.
struct LoadedDataset {
    let dataset: Dataset
    let train: Samples
    let test: Samples

    /// One text naming every file and checksum, part of the cache keys of what uses this data.
    var checksumText: String {
        dataset.checksums.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// The training or the test rows.
    func samples(_ split: Split) -> Samples { split == .train ? train : test }

    /// The images of the training or the test rows.
    func images(_ split: Split) -> ImageSet { split == .train ? dataset.train : dataset.test }

    enum Split {
        case train, test

        /// `on: train` / `split: train` select the training rows; anything else the checker
        /// accepts is `test`.
        init(_ text: String) { self = text == "train" ? .train : .test }
    }
}
