import Datasets
import Engine
import Foundation
import NotebookFormat

extension Execution {
    /// Loads a data set (from the compact cache in the data folder) and scales its pixels.
    func loadDataset(_ decl: DatasetDecl, directive: Directive) throws -> LoadedDataset {
        let folder = DataDirectory.resolve(override: decl.dataDir ?? notebook.frontMatter.dataDir)
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
            throw RunnerFailure(
                message: "\(directive.location.file):\(directive.location.line):\(directive.location.column): "
                    + "error: data set `\(directive.id)` cannot be loaded: \(error.message)")
        }
        recordChecksums(dataset.checksums)
        let scale = Float(decl.scale)
        func samples(_ images: ImageSet) -> Samples {
            Samples(
                shape: [images.height, images.width, images.channels], features: images.features(scale: scale),
                labels: images.labels.map { Int32($0) })
        }
        return LoadedDataset(dataset: dataset, train: samples(dataset.train), test: samples(dataset.test))
    }

    /// The engine spec and summary of a model directive.
    func buildModel(_ decl: ModelDecl, directive: Directive) throws -> BuiltModel {
        let spec = LayerTranslation.spec(for: decl)
        var generator = SeededGenerator(seed: seed(for: directive))
        let model = try Model(spec: spec, generator: &generator)
        return BuiltModel(spec: spec, summary: model.summary, parameterCount: model.parameterCount)
    }

    func dataset(named id: String) throws -> LoadedDataset {
        guard case .dataset(let data)? = results[id] else {
            throw RunnerFailure(message: "`\(id)` is not a data set")
        }
        return data
    }

    func model(named id: String) throws -> BuiltModel {
        guard let model = models[id] else {
            throw RunnerFailure(message: "`\(id)` is not a model")
        }
        return model
    }
}
