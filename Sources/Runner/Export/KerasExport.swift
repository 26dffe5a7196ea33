import AtomicFiles
import Engine
import Foundation
import NotebookFormat

/// `nbrun export --keras NOTEBOOK.md [-o DIR] [--same-start]`: the notebook parsed and checked as
/// for a run (every problem a `file:line:col` diagnostic, nothing written), then written as a
/// Keras 3 script, `DIR/<name>_keras.py` (``KerasScript``). With `sameStart`, every train's
/// replicate 1 is also trained by nbrun and recorded in `DIR/<name>_same_start/` for the script's
/// `--same-start` replay (``SameStartRecording``; docs/keras-parity.md).
public struct KerasExport {
    public var notebook: URL
    public var overrides: [String: String] = [:]
    /// Where the script goes; nil: beside the notebook (where the article's provenance finds it).
    public var outputDirectory: URL?
    public var sameStart = false
    /// Epochs of the same-start recording; nil: the notebook's.
    public var sameStartEpochs: Int?
    /// Steps after which the same-start recording keeps the weights.
    public var afterSteps = 100
    public var threads: Int?

    public init(notebook: URL) { self.notebook = notebook }

    /// What the export wrote.
    public struct Written {
        public let script: URL
        public let sameStartDirectory: URL?
        /// Directives the script leaves out, with the reason.
        public let skipped: [String]
    }

    public func run(log: (String) -> Void = { _ in }) throws -> Written {
        let parsed = try ParsedNotebook.read(notebook, overrides: overrides)
        let plan: Plan
        do {
            plan = try NotebookCheck.check(parsed)
        } catch let diagnostics as DiagnosticList {
            throw RunnerFailure(diagnostics: diagnostics)
        }
        try refuseUnsupported(plan.notebook)
        let script = KerasScript(notebook: plan.notebook)
        let folder = outputDirectory ?? notebook.deletingLastPathComponent()
        let url = folder.appendingPathComponent(KerasScript.fileName(for: notebook))
        try write(Data(try script.text().utf8), to: url)
        guard sameStart else { return Written(script: url, sameStartDirectory: nil, skipped: script.skipped) }
        let directory = folder.appendingPathComponent(
            notebook.deletingPathExtension().lastPathComponent + "_same_start", isDirectory: true)
        try record(plan.notebook, into: directory, log: log)
        return Written(script: url, sameStartDirectory: directory, skipped: script.skipped)
    }

    /// Data sets the script cannot read yet are refused at their line, before anything is written.
    private func refuseUnsupported(_ notebook: Notebook) throws {
        for directive in notebook.directives {
            guard case .dataset(let decl) = directive.payload, case .csv = decl.source else { continue }
            let at = directive.location
            throw RunnerFailure(
                message: "\(at.file):\(at.line):\(at.column): error: `nbrun export --keras` cannot export the CSV "
                    + "data set `\(directive.id)` yet; convert it to IDX files (`idx: DIR`) to export this notebook")
        }
    }

    /// Trains replicate 1 of every train with nbrun and writes `<id>.nbrun.npz` for each.
    private func record(_ notebook: Notebook, into directory: URL, log: (String) -> Void) throws {
        var loaded: [String: LoadedDataset] = [:]
        let threads = self.threads ?? ProcessInfo.processInfo.activeProcessorCount
        for directive in notebook.directives {
            guard case .train(let decl) = directive.payload,
                case .model(let model)? = notebook.directive(decl.model, kind: .model)?.payload,
                case .dataset(let data)? = notebook.directive(decl.data, kind: .dataset)?.payload
            else { continue }
            if loaded[decl.data] == nil {
                loaded[decl.data] = try DatasetLoading(
                    decl: data, dataDirectory: notebook.frontMatter.dataDir,
                    baseDirectory: notebook.file.deletingLastPathComponent()
                ).load(id: decl.data)
            }
            var config = FitSettings.config(decl, threads: threads)
            config.epochs = sameStartEpochs ?? decl.epochs
            log("same start: training `\(directive.id)` with nbrun for \(config.epochs) epoch\(config.epochs == 1 ? "" : "s")")
            let recording = SameStartRecording(
                id: directive.id, spec: ModelSpec(layers: model.specs), config: config,
                seed: CacheKey.seed(root: notebook.frontMatter.seed, id: directive.id),
                samples: loaded[decl.data]!.train,
                afterSteps: afterSteps)
            let archive = try recording.run(log: log)
            try write(archive.zipped(), to: directory.appendingPathComponent(directive.id + ".nbrun.npz"))
        }
    }

    private func write(_ data: Data, to url: URL) throws {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicWrite.write(data, to: url)
        } catch let error as AtomicFileError {
            throw RunnerFailure(message: "cannot write \(url.path): \(error.message)")
        } catch {
            throw RunnerFailure(message: "cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
