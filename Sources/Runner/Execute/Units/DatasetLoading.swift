import Datasets
import Engine
import Foundation
import NotebookFormat

/// Loads a data set (through the compact cache in the data folder) and scales its pixels.
struct DatasetLoading {
    let decl: DatasetDecl
    /// The data folder: the directive's `data_dir`, else the front matter's, else the default.
    let dataDirectory: String?
    /// Relative paths resolve against the notebook's folder.
    let baseDirectory: URL

    func load(id: String) throws -> LoadedDataset {
        let folder = DataDirectory.resolve(override: decl.dataDir ?? dataDirectory)
        let source: DatasetSource
        switch decl.source {
        case .mnist: source = .mnist
        case .fashionMNIST: source = .fashionMNIST
        case .idx(let path): source = .idx(directory: path)
        case .csv(let train, let test): source = .csv(train: train, test: test)
        }
        let dataset: Dataset
        do {
            dataset = try DatasetLoader(dataDirectory: folder)
                .load(source, trainLimit: decl.trainLimit, testLimit: decl.testLimit, relativeTo: baseDirectory)
        } catch let error as DatasetError {
            throw RunnerFailure(message: "data set `\(id)` cannot be loaded: \(error.message)")
        }
        let scale = Float(decl.scale)
        func samples(_ images: ImageSet) -> Samples {
            Samples(
                shape: [images.height, images.width, images.channels], features: images.features(scale: scale),
                labels: images.labels.map { Int32($0) })
        }
        return LoadedDataset(dataset: dataset, train: samples(dataset.train), test: samples(dataset.test))
    }
}
