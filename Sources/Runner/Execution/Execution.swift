import Datasets
import Engine
import Foundation
import NotebookFormat

/// Runs the planned directives in order, reusing cached results, and keeps what they produce.
final class Execution {
    let notebook: Notebook
    let options: RunOptions
    let progress: ProgressReporter
    let cache: ResultCache
    let threads: Int

    /// Results by directive id (every kind but models, whose id a train may share).
    private(set) var results: [String: DirectiveResult] = [:]
    /// Models by id.
    private(set) var models: [String: BuiltModel] = [:]
    private(set) var keys: [String: String] = [:]
    /// When the run started (the article's provenance reports the time taken).
    let started = Date()
    private(set) var cachedIDs: Set<String> = []
    private(set) var dataChecksums: [String: String] = [:]
    /// Every number the article shows (inline values, table cells), in the order they were rendered.
    var shownNumbers: [ShownNumber] = []

    init(notebook: Notebook, options: RunOptions, progress: ProgressReporter) {
        self.notebook = notebook
        self.options = options
        self.progress = progress
        self.cache = ResultCache(root: options.cacheDirectory)
        self.threads = options.resolvedThreads
    }

    var lookup: ValueLookup { ValueLookup(results: results, models: models) }

    /// The notebook's folder: relative data paths and the template resolve against it.
    var baseDirectory: URL { notebook.file.deletingLastPathComponent() }

    func seed(for directive: Directive) -> UInt64 {
        CacheKey.seed(root: notebook.frontMatter.seed, id: directive.id)
    }

    /// Runs one directive (the plan guarantees its dependencies ran); returns a note for the step line.
    func run(_ directive: Directive, step: StepName) throws {
        let upstream = notebook.dependencies(of: directive).compactMap { keys[Plan.node($0)] }
        var dataText: String?
        if case .dataset(let decl) = directive.payload {
            let loaded = try loadDataset(decl, directive: directive)
            dataText = loaded.checksumText
            results[directive.id] = .dataset(loaded)
        }
        let key = CacheKey.make(
            directive: directive, seed: seed(for: directive), upstream: upstream, dataChecksums: dataText)
        keys[Plan.node(directive)] = key

        switch directive.payload {
        case .dataset:
            progress.step(step)
        case .model(let decl):
            models[directive.id] = try buildModel(decl, directive: directive)
            progress.step(step)
        case .train(let decl):
            results[directive.id] = .train(try train(decl, directive: directive, key: key, step: step))
        case .evaluate(let decl):
            results[directive.id] = .evaluate(try evaluate(decl, directive: directive, key: key, step: step))
        case .plot(let decl):
            progress.step(step)
            results[directive.id] = .figure(try plotFigure(decl, directive: directive))
        case .samples(let decl):
            progress.step(step)
            results[directive.id] = .figure(try samplesFigure(decl, directive: directive))
        case .misclassified(let decl):
            progress.step(step)
            results[directive.id] = .figure(try misclassifiedFigure(decl, directive: directive))
        case .confusion(let decl):
            progress.step(step)
            results[directive.id] = .figure(try confusionFigure(decl, directive: directive))
        case .table(let decl):
            progress.step(step)
            results[directive.id] = .table(try table(decl, directive: directive))
        case .prune(let decl):
            results[directive.id] = .prune(try prune(decl, directive: directive, key: key, step: step))
        case .sweep(let decl):
            results[directive.id] = .sweep(try sweep(decl, directive: directive, key: key, step: step))
        case .histogram(let decl):
            progress.step(step)
            results[directive.id] = .figure(try histogramFigure(decl, directive: directive))
        case .compare, .claim:
            // Parsed and checked by NotebookFormat; running them comes with replicates (issue 13).
            throw RunnerFailure(
                message:
                    "\(directive.location): error: `\(directive.kind.rawValue)` directives are not run by this build yet"
            )
        }
    }

    func markCached(_ id: String) { cachedIDs.insert(id) }

    func recordChecksums(_ checksums: [String: String]) {
        dataChecksums.merge(checksums) { first, _ in first }
    }
}
