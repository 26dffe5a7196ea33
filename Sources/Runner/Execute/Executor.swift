import Engine
import Foundation
import NotebookFormat

/// The execute stage: runs the planned directives in order and returns their results.
///
/// Data sets are loaded and models built here; trainings, evaluations, prune levels and sweep
/// points are ``ExecutionUnit``s, each looked up in the cache by its key and run only when
/// missing. Nothing here draws or writes the article (this folder imports neither Charts nor
/// Article). Figures, tables and prose directives produce nothing at this stage; they get their
/// cache keys (for the lock) and are drawn by the render stage.
struct Executor {
    let plan: Plan
    let options: RunOptions
    let events: RunEvents
    /// Where units run: here (the default), or collected as tasks for workers, or only one of them.
    var dispatch: UnitDispatch = .inProcess
    /// Directives (`train run`) whose tasks ran in workers during this run: their results come
    /// from the cache but were computed now, so they are not reported as cached.
    var ranAsTasks: Set<String> = []

    var notebook: Notebook { plan.notebook }
    var cache: ResultCache {
        let events = events
        return ResultCache(root: options.cacheDirectory, warn: { events.send(.warning($0)) })
    }

    func run() throws -> RunResults {
        let threads = options.resolvedThreads
        var partial = RunResults.Partial()
        let working = plan.order.filter { Self.doesWork($0.kind) }
        var index = 0
        var waiting: Set<String> = []
        for directive in plan.order {
            if notebook.dependencies(of: directive).contains(where: { waiting.contains(Plan.node($0)) }) {
                waiting.insert(Plan.node(directive))
                if Self.doesWork(directive.kind) { index += 1 }
                continue
            }
            var step: DirectiveStep?
            if Self.doesWork(directive.kind) {
                index += 1
                step = DirectiveStep(
                    index: index, total: working.count, kind: directive.kind, id: directive.id,
                    location: directive.location)
            }
            do {
                try run(directive, step: step, threads: threads, into: &partial)
            } catch is TaskDeferred {
                waiting.insert(Plan.node(directive))
            } catch let completed as TaskCompleted {
                throw completed
            } catch var failure as RunnerFailure {
                failure.directive = failure.directive ?? Plan.node(directive)
                failure.location = failure.location ?? directive.location
                throw failure
            } catch var failure as InternalFailure {
                failure.directive = failure.directive ?? Plan.node(directive)
                throw failure
            } catch {
                throw InternalFailure(error, directive: Plan.node(directive))
            }
        }
        partial.cachedNodes.subtract(ranAsTasks)
        return RunResults(partial, threads: threads)
    }

    /// Kinds that compute something here (the others are drawn by the render stage).
    static func doesWork(_ kind: DirectiveKind) -> Bool {
        [.dataset, .model, .train, .evaluate, .prune, .sweep].contains(kind)
    }

    func seed(for directive: Directive) -> UInt64 {
        CacheKey.seed(root: notebook.frontMatter.seed, id: directive.id)
    }

    /// One directive: its key, then its work (the plan guarantees its dependencies ran).
    private func run(_ directive: Directive, step: DirectiveStep?, threads: Int, into partial: inout RunResults.Partial)
        throws
    {
        let started = Date()
        let upstream = notebook.dependencies(of: directive).compactMap { partial.keys[Plan.node($0)] }
        var dataText: String?
        if case .dataset(let decl) = directive.payload, let step {
            events.send(.directiveStarted(step, detail: nil))
            let loaded = try DatasetLoading(
                decl: decl, dataDirectory: notebook.frontMatter.dataDir,
                baseDirectory: notebook.file.deletingLastPathComponent()
            ).load(id: directive.id)
            partial.dataChecksums.merge(loaded.dataset.checksums) { first, _ in first }
            partial.datasets[directive.id] = loaded
            dataText = loaded.checksumText
        }
        let key = CacheKey.make(
            directive: directive, seed: seed(for: directive), upstream: upstream, dataChecksums: dataText)
        partial.keys[Plan.node(directive)] = key
        guard let step else { return }
        let context = UnitContext(threads: threads, events: events, step: step)
        switch directive.payload {
        case .dataset:
            break
        case .model(let decl):
            events.send(.directiveStarted(step, detail: nil))
            let spec = ModelSpec(layers: decl.specs)
            var generator = SeededGenerator(seed: seed(for: directive))
            let model = try Model(spec: spec, generator: &generator)
            partial.models[directive.id] = BuiltModel(
                spec: spec, summary: model.summary, parameterCount: model.parameterCount)
        case .train(let decl):
            try checkMemory(
                decl, directive: directive, spec: try model(decl.model, in: partial).spec,
                rows: try dataset(decl.data, in: partial).train.count)
            let unit = TrainingUnit(
                key: key, spec: try model(decl.model, in: partial).spec,
                config: FitSettings.config(decl, threads: threads), seed: seed(for: directive),
                samples: try dataset(decl.data, in: partial).train)
            partial.trainings[directive.id] = try perform(unit, whole: step, context: context, partial: &partial)
        case .evaluate(let decl):
            let (train, outcome) = try training(decl.model, in: partial)
            let unit = EvaluationUnit(
                key: key, spec: try model(train.model, in: partial).spec, weights: outcome.tensors,
                samples: try dataset(train.data, in: partial).samples(LoadedDataset.Split(decl.on)))
            partial.evaluations[directive.id] = try perform(unit, whole: step, context: context, partial: &partial)
        case .prune(let decl):
            partial.prunes[directive.id] = try prune(
                decl, directive: directive, context: context, partial: &partial)
        case .sweep(let decl):
            partial.sweeps[directive.id] = try sweep(decl, context: context, partial: &partial)
        default:
            preconditionFailure("\(directive.kind) directives do no work in the execute stage")
        }
        events.send(.directiveFinished(step, seconds: Date().timeIntervalSince(started)))
    }

    /// Runs a directive's single unit, or takes its outcome from the cache.
    private func perform<Unit: ExecutionUnit>(
        _ unit: Unit, whole step: DirectiveStep, context: UnitContext, partial: inout RunResults.Partial
    ) throws -> Unit.Outcome {
        if options.useCache, let cached = cache.read(Unit.Outcome.self, key: unit.key) {
            partial.cachedNodes.insert(step.name)
            events.send(.directiveCached(step))
            return cached
        }
        events.send(.directiveStarted(step, detail: nil))
        return try compute(unit, context: context)
    }

    /// Runs a unit and stores its outcome under its key.
    /// Under a task dispatch, a unit that runs elsewhere throws ``TaskDeferred`` instead, and the
    /// one task a worker runs throws ``TaskCompleted`` once its entry is written.
    func compute<Unit: ExecutionUnit>(_ unit: Unit, context: UnitContext) throws -> Unit.Outcome {
        try dispatch.admit(key: unit.key, isTask: Unit.isTask, step: context.step)
        let outcome = try unit.run(in: context)
        try cache.write(outcome, key: unit.key)
        try dispatch.finished(key: unit.key)
        return outcome
    }

    /// Computes each unit in order; under a task dispatch every missing one is collected before
    /// the directive waits (so all levels or points of a directive form one wave).
    func computeAll<Unit: ExecutionUnit>(
        _ units: [(Unit, Unit.Outcome?)], context: UnitContext, before: (Unit) -> Void
    ) throws -> [Unit.Outcome] {
        var outcomes: [Unit.Outcome] = []
        var deferred = false
        for (unit, cachedOutcome) in units {
            if let cachedOutcome {
                outcomes.append(cachedOutcome)
                continue
            }
            before(unit)
            do {
                outcomes.append(try compute(unit, context: context))
            } catch is TaskDeferred {
                deferred = true
            }
        }
        if deferred { throw TaskDeferred() }
        return outcomes
    }

    /// A unit's cached outcome (nil when missing, or when the run ignores the cache).
    func cached<Unit: ExecutionUnit>(_ unit: Unit) -> Unit.Outcome? {
        options.useCache ? cache.read(Unit.Outcome.self, key: unit.key) : nil
    }

    // MARK: upstream results (the plan ran them first; the checker resolved the names)

    func dataset(_ id: String, in partial: RunResults.Partial) throws -> LoadedDataset {
        guard let data = partial.datasets[id] else { preconditionFailure("data set `\(id)` has not run") }
        return data
    }

    func model(_ id: String, in partial: RunResults.Partial) throws -> BuiltModel {
        guard let model = partial.models[id] else { preconditionFailure("model `\(id)` has not run") }
        return model
    }

    /// A train directive's declaration and outcome.
    func training(_ id: String, in partial: RunResults.Partial) throws -> (TrainDecl, TrainingOutcome) {
        guard case .train(let decl)? = notebook.directive(id, kind: .train)?.payload,
            let outcome = partial.trainings[id]
        else { preconditionFailure("train `\(id)` has not run") }
        return (decl, outcome)
    }
}
