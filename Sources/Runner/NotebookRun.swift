import AtomicFiles
import Foundation
import NotebookFormat

/// One invocation of nbrun on one notebook: named stages over immutable values.
///
/// parse (read once) → ``ParsedNotebook`` → check → ``Plan`` → execute → ``RunResults`` →
/// render → ``RenderedArticle`` → write (article, then the lock, a pure function of the results
/// and the shown numbers). ``StageRunner`` numbers and announces the stages and stamps errors
/// with them; every stage reports through ``RunEvent``s to the observers given here.
public struct NotebookRun {
    public let options: RunOptions
    private let events: RunEvents

    /// - Parameter observers: who receives the run's events; by default the progress printer on stderr.
    public init(options: RunOptions, observers: [RunObserver]? = nil) {
        self.options = options
        self.events = RunEvents(observers ?? [ProgressPrinter(quiet: options.quiet)])
    }

    /// `nbrun NOTEBOOK.md`: run, write the article and the lock file.
    public func run() throws {
        let started = Date()
        let lockURL = LockFile.url(for: options.notebook)
        // Another notebook's lock (`nb.txt` beside `nb.md`) is never overwritten; a damaged one is.
        if let existing = try? LockFile.read(from: lockURL) {
            try LockFile.checkOwner(existing, notebook: options.notebook, lockURL: lockURL)
        }
        try ArticleOutput.preflight(options)
        let stages = StageRunner(Stage.runStages, events: events)
        let (parsed, plan, results, rendered) = try prepare(stages, options: options)
        let lock = LockFile(notebook: plan.notebook, bytes: parsed.bytes, results: results, shown: rendered.shown)
        let verification = "not verified yet: run `nbrun check \(options.notebook.lastPathComponent)`"
        try writeArticle(
            stages, plan: plan, results: results, rendered: rendered, verification: verification, started: started)
        try stages.run(.writeLock, detail: lockURL.lastPathComponent) {
            try Self.write(lock, to: lockURL)
        }
        try failedClaims(plan.notebook, results: results)
    }

    /// Like a failing test: every claim that does not hold, as `file:line:col: error: claim ...`
    /// (exit 1) after the article and the lock are written; nothing with `--allow-failed-claims`.
    private func failedClaims(_ notebook: Notebook, results: RunResults) throws {
        let evaluation = ClaimEvaluation(lookup: ValueLookup(notebook: notebook, results: results))
        var lines: [String] = []
        for directive in notebook.directives {
            guard case .claim(let decl) = directive.payload, let v = try? evaluation.verdict(decl), !v.holds
            else { continue }
            let at = decl.holds.paths.first?.location ?? directive.location
            lines.append(
                "\(at.file):\(at.line):\(at.column): error: claim `\(directive.id)` does not hold: \(v.detail)")
        }
        if lines.isEmpty { return }
        if options.allowFailedClaims {
            let warnings = lines.map { $0.replacingOccurrences(of: ": error: claim", with: ": warning: claim") }
            FileHandle.standardError.write(Data((warnings.joined(separator: "\n") + "\n").utf8))
            return
        }
        throw RunnerFailure(message: lines.joined(separator: "\n"))
    }

    /// `nbrun check NOTEBOOK.md`: run again without the cache and compare with the lock file.
    public func check(tolerance: Double) throws {
        let started = Date()
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
                message: "\(lockURL.path): not a valid nbrun lock file (\(error)); "
                    + "run `nbrun \(options.notebook.path)` to write a new one")
        }
        try LockFile.checkOwner(recorded, notebook: options.notebook, lockURL: lockURL)
        try ArticleOutput.preflight(options)
        var uncached = options
        uncached.useCache = false
        uncached.executor = .inProcess
        let stages = StageRunner(Stage.checkStages, events: events)
        let (parsed, plan, results, rendered) = try prepare(stages, options: uncached)
        let comparison = try stages.run(.compare, detail: lockURL.lastPathComponent) {
            let fresh = LockFile(notebook: plan.notebook, bytes: parsed.bytes, results: results, shown: rendered.shown)
            return LockComparison(recorded: recorded, fresh: fresh, tolerance: tolerance)
        }
        let report = CheckReport(comparison: comparison)
        FileHandle.standardOutput.write(Data(report.text.utf8))
        try writeArticle(
            stages, plan: plan, results: results, rendered: rendered, verification: comparison.summary,
            started: started)
        if !comparison.passed {
            throw RunnerFailure(message: report.failureMessage(lock: lockURL, notebook: options.notebook))
        }
    }

    /// The stages both commands share: parse, check, execute, render.
    private func prepare(_ stages: StageRunner, options: RunOptions) throws -> (
        ParsedNotebook, Plan, RunResults, RenderedArticle
    ) {
        let parsed = try stages.run(.parse, detail: options.notebook.lastPathComponent) {
            try ParsedNotebook.read(options.notebook, overrides: options.overrides)
        }
        if case .success(let notebook) = parsed.parsed {
            for warning in notebook.warnings { events.send(.warning(warning)) }
        }
        let plan = try stages.run(.check) { try NotebookCheck.check(parsed) }
        let working = plan.order.filter { Executor.doesWork($0.kind) }.count
        let results = try stages.run(.execute, detail: "\(working) directives") {
            try execute(plan, options: options)
        }
        let rendered = try stages.run(.render) { try Renderer(notebook: plan.notebook, results: results).render() }
        return (parsed, plan, results, rendered)
    }

    /// The execute stage: in this process, or as tasks through a worker pool or Slurm.
    private func execute(_ plan: Plan, options: RunOptions) throws -> RunResults {
        let folder = TaskFolder(cacheRoot: options.cacheDirectory)
        switch options.executor {
        case .inProcess:
            return try Executor(plan: plan, options: options, events: events).run()
        case .local(let jobs):
            let pool = LocalWorkerPool(jobs: jobs, threads: options.threads, folder: folder)
            return try TaskDriver(plan: plan, options: options, events: events, backend: pool).run()
        case .slurm(let settings):
            let arrays = SlurmArrays(settings: settings, threads: options.threads, folder: folder)
            return try TaskDriver(plan: plan, options: options, events: events, backend: arrays).run()
        }
    }

    private func writeArticle(
        _ stages: StageRunner, plan: Plan, results: RunResults, rendered: RenderedArticle, verification: String,
        started: Date
    ) throws {
        let output = ArticleOutput(notebook: plan.notebook, options: options)
        try stages.run(.writeArticle, detail: output.description) {
            let elapsed = Date().timeIntervalSince(started)
            var document = rendered.document
            let keras = try KerasScriptLink.find(for: plan.notebook, format: options.format)
            document.provenance =
                Provenance(
                    notebook: plan.notebook, results: results, verification: verification, elapsed: elapsed,
                    kerasScript: keras?.item
                )
                .items
            try output.write(
                document, timings: Timings(notebook: plan.notebook, results: results, elapsed: elapsed),
                extra: keras?.attachment.map { [$0.name: $0.data] } ?? [:])
        }
    }

    /// Writes the lock atomically, and not at all when the file already holds the same bytes.
    private static func write(_ lock: LockFile, to url: URL) throws {
        let data = try lock.encoded()
        if let existing = try? Data(contentsOf: url), existing == data { return }
        do {
            try AtomicWrite.write(data, to: url)
        } catch let error as AtomicFileError {
            throw RunnerFailure(message: "cannot write the lock file: \(error.message)")
        }
    }
}
