import Article
import AtomicFiles
import Engine
import Foundation
import NotebookFormat

/// One invocation of nbrun on one notebook: the pipeline of named steps.
///
/// parse -> check (format rules, model shapes, plan) -> one step per directive (data, training,
/// evaluation, figures, tables; cached by key) -> article -> lock. Nothing is written unless every
/// check passed; the article and the lock are written atomically.
public struct NotebookRun {
    public let options: RunOptions

    public init(options: RunOptions) {
        self.options = options
    }

    /// `nbrun NOTEBOOK.md`: run, write the article and the lock file.
    public func run() throws {
        let progress = ProgressReporter(quiet: options.quiet)
        let (execution, bytes, stepCount) = try execute(progress: progress, extraSteps: 2)
        var document = try assemble(
            execution, step: StepName(index: stepCount - 1, total: stepCount, name: "write article"))
        let lock = LockFile(execution: execution, notebookBytes: bytes)
        let verification = "not verified yet: run `nbrun check \(options.notebook.lastPathComponent)`"
        document.provenance = Provenance(execution: execution, verification: verification).items
        try write(
            document, execution: execution,
            step: StepName(index: stepCount - 1, total: stepCount, name: "write article"),
            progress: progress)
        let lockURL = LockFile.url(for: execution.notebook.file)
        progress.step(StepName(index: stepCount, total: stepCount, name: "write lock \(lockURL.lastPathComponent)"))
        do {
            try AtomicWrite.write(try lock.encoded(), to: lockURL)
        } catch let error as AtomicFileError {
            throw RunnerFailure(message: "cannot write the lock file: \(error.message)")
        }
    }

    /// `nbrun check NOTEBOOK.md`: run again without the cache and compare with the lock file.
    public func check(tolerance: Double) throws {
        let lockURL = LockFile.url(for: options.notebook)
        guard FileManager.default.fileExists(atPath: lockURL.path) else {
            throw RunnerFailure(
                message: "no lock file \(lockURL.path): run `nbrun \(options.notebook.path)` first to write one")
        }
        let recorded: LockFile
        do {
            recorded = try LockFile.read(from: lockURL)
        } catch {
            throw RunnerFailure(
                message:
                    "\(lockURL.path): not a valid nbrun lock file (\(error)); run `nbrun \(options.notebook.path)` to write a new one"
            )
        }
        let progress = ProgressReporter(quiet: options.quiet)
        var uncached = options
        uncached.useCache = false
        let (execution, bytes, stepCount) = try NotebookRun(options: uncached).execute(
            progress: progress, extraSteps: 2)
        let articleStep = StepName(index: stepCount, total: stepCount, name: "write article")
        var document = try assemble(execution, step: articleStep)
        let fresh = LockFile(execution: execution, notebookBytes: bytes)
        progress.step(
            StepName(index: stepCount - 1, total: stepCount, name: "compare with \(lockURL.lastPathComponent)"))
        let comparison = LockComparison(recorded: recorded, fresh: fresh, tolerance: tolerance)
        let report = CheckReport(comparison: comparison)
        FileHandle.standardOutput.write(Data(report.text.utf8))
        document.provenance = Provenance(execution: execution, verification: comparison.summary).items
        try write(document, execution: execution, step: articleStep, progress: progress)
        if !comparison.passed {
            throw RunnerFailure(message: report.failureMessage(lock: lockURL, notebook: options.notebook))
        }
    }

    /// Parses, checks and runs every directive; returns the results, the notebook's bytes and the step count.
    func execute(progress: ProgressReporter, extraSteps: Int) throws -> (Execution, Data, Int) {
        guard FileManager.default.fileExists(atPath: options.notebook.path) else {
            throw RunnerFailure(
                message: "\(options.notebook.path): no such notebook; check the path (nbrun NOTEBOOK.md)")
        }
        let bytes: Data
        do {
            bytes = try Data(contentsOf: options.notebook)
        } catch {
            throw RunnerFailure(
                message:
                    "\(options.notebook.path): cannot read the notebook (\(error.localizedDescription)); check the path"
            )
        }
        let notebook: Notebook
        do {
            notebook = try NotebookParser().parse(contentsOf: options.notebook, overrides: options.overrides)
        } catch let diagnostics as DiagnosticList {
            throw RunnerFailure(diagnostics: diagnostics)
        }
        let shapeProblems = LayerTranslation.shapeDiagnostics(in: notebook)
        if !shapeProblems.isEmpty {
            throw RunnerFailure(diagnostics: DiagnosticList(shapeProblems))
        }
        let plan = try Plan(notebook: notebook)
        let total = 2 + plan.order.count + extraSteps
        progress.step(StepName(index: 1, total: total, name: "parse \(options.notebook.lastPathComponent)"))
        progress.step(StepName(index: 2, total: total, name: "check \(plan.order.count) directives"))
        let execution = Execution(notebook: notebook, options: options, progress: progress)
        for (offset, directive) in plan.order.enumerated() {
            let step = StepName(index: 3 + offset, total: total, name: "\(directive.kind.rawValue) \(directive.id)")
            do {
                try execution.run(directive, step: step)
            } catch var failure as RunnerFailure {
                failure.step = failure.step ?? step.description
                throw failure
            } catch {
                throw RunnerFailure(
                    step: step.description,
                    message: "\(directive.location.file):\(directive.location.line):"
                        + "\(directive.location.column): error: \(error)")
            }
        }
        return (execution, bytes, total)
    }

    /// The article document; rendering its prose records every number it shows (for the lock).
    private func assemble(_ execution: Execution, step: StepName) throws -> ArticleDocument {
        do {
            return try ArticleAssembly(execution: execution).document(provenance: [])
        } catch let failure as RunnerFailure {
            throw RunnerFailure(step: step.description, message: failure.message)
        } catch {
            throw RunnerFailure(step: step.description, message: "\(error)")
        }
    }

    private func write(_ document: ArticleDocument, execution: Execution, step: StepName, progress: ProgressReporter)
        throws
    {
        let name = options.notebook.deletingPathExtension().lastPathComponent
        let file = options.format.destination(outputDirectory: options.outputDirectory, name: name)
        progress.step(step, detail: options.selfContained ? "\(file.path), self-contained" : file.path)
        do {
            let template = execution.notebook.frontMatter.template.map {
                URL(fileURLWithPath: $0, relativeTo: execution.baseDirectory).standardizedFileURL
            }
            try options.format.write(
                document, with: try ArticleWriter(templateURL: template), outputDirectory: options.outputDirectory,
                name: name, selfContained: options.selfContained)
        } catch {
            throw RunnerFailure(step: step.description, message: "\(error)")
        }
    }
}
