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

    /// Training checkpoints beside the cache entries (none when the run ignores the cache).
    var checkpoints: CheckpointFolder? {
        let events = events
        return options.useCache
            ? CheckpointFolder(cacheRoot: options.cacheDirectory, warn: { events.send(.warning($0)) }) : nil
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
            } catch let preempted as TaskPreempted {
                throw preempted
            } catch var failure as RunnerFailure {
                failure.directive = failure.directive ?? Plan.node(directive)
                failure.location = failure.location ?? directive.location
                throw failure
            } catch var failure as InternalFailure {
                failure.directive = failure.directive ?? Plan.node(directive)
                throw failure
            } catch let error as TrainingError {
                // Data or settings the engine cannot train on (a NaN loss, ...): the notebook's problem.
                throw RunnerFailure(
                    message: "\(directive.kind.rawValue) `\(directive.id)`: \(error)", directive: Plan.node(directive),
                    location: directive.location)
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

    /// Replicate 1 keeps the directive's seed (so `seeds: 1` gives the same bits as before);
    /// replicate i > 1 is seeded from SHA-256(`nbrun-seed/1|<root>|<id>|replicate=<i>`).
    func seed(for directive: Directive, replicate: Int) -> UInt64 {
        replicate == 1
            ? seed(for: directive)
            : CacheKey.derivedSeed("nbrun-seed/1|\(notebook.frontMatter.seed)|\(directive.id)|replicate=\(replicate)")
    }

    /// Replicate 1 keeps the directive's key; replicate i > 1 is keyed by the directive's key, i and
    /// the key of the upstream replicate it uses (its train's replicate i, for an evaluation).
    static func replicateKey(_ key: String, replicate: Int, upstream: String?) -> String {
        replicate == 1
            ? key
            : CacheKey.unit(
                ["nbrun-replicate/1", key, "replicate=\(replicate)"] + (upstream.map { ["upstream=\($0)"] } ?? []))
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
        let context = UnitContext(threads: threads, events: events, step: step, checkpoints: checkpoints)
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
            let spec = try model(decl.model, in: partial).spec
            let samples = try dataset(decl.data, in: partial).train
            try checkMemory(decl, directive: directive, spec: spec, rows: samples.count)
            let units = (1...decl.seeds).map { replicate in
                TrainingUnit(
                    key: Self.replicateKey(key, replicate: replicate, upstream: nil), spec: spec,
                    config: FitSettings.config(decl, threads: threads),
                    seed: seed(for: directive, replicate: replicate), samples: samples)
            }
            partial.trainings[directive.id] = try perform(units, whole: step, context: context, partial: &partial)
            partial.replicateKeys[Plan.node(directive)] = units.dropFirst().map(\.key)
        case .evaluate(let decl):
            let (train, outcomes) = try training(decl.model, in: partial)
            let trainKeys =
                [partial.keys["train \(decl.model)"] ?? ""] + (partial.replicateKeys["train \(decl.model)"] ?? [])
            let spec = try model(train.model, in: partial).spec
            let samples = try dataset(train.data, in: partial).samples(LoadedDataset.Split(decl.on))
            let units = outcomes.enumerated().map { index, outcome in
                EvaluationUnit(
                    key: Self.replicateKey(key, replicate: index + 1, upstream: trainKeys[index]), spec: spec,
                    weights: outcome.tensors, samples: samples, topK: train.recordedTopK)
            }
            partial.evaluations[directive.id] = try perform(units, whole: step, context: context, partial: &partial)
            partial.replicateKeys[Plan.node(directive)] = units.dropFirst().map(\.key)
        case .prune(let decl):
            partial.prunes[directive.id] = try prune(
                decl, directive: directive, context: context, partial: &partial)
        case .sweep(let decl):
            partial.sweeps[directive.id] = try sweep(decl, directive: directive, context: context, partial: &partial)
        default:
            preconditionFailure("\(directive.kind) directives do no work in the execute stage")
        }
        events.send(.directiveFinished(step, seconds: Date().timeIntervalSince(started)))
    }

    /// Runs a directive's units (one per replicate), taking each outcome from the cache when it is there.
    private func perform<Unit: ExecutionUnit>(
        _ units: [Unit], whole step: DirectiveStep, context: UnitContext, partial: inout RunResults.Partial
    ) throws -> [Unit.Outcome] {
        let cached = units.map { self.cached($0) }
        if cached.allSatisfy({ $0 != nil }) {
            partial.cachedNodes.insert(step.name)
            events.send(.directiveCached(step))
            return cached.compactMap { $0 }
        }
        let missing = cached.filter { $0 == nil }.count
        events.send(
            .directiveStarted(
                step,
                detail: units.count == 1
                    ? nil
                    : missing == units.count
                        ? "\(units.count) seeds" : "\(units.count - missing) of \(units.count) seeds cached"))
        // Under a task dispatch every missing replicate is collected before the directive waits,
        // so all seeds of a train form one wave.
        return try computeAll(Array(zip(units, cached)), context: context, before: { _ in })
    }

    /// Runs a unit and stores its outcome under its key.
    /// Under a task dispatch, a unit that runs elsewhere throws ``TaskDeferred`` instead, and the
    /// one task a worker runs throws ``TaskCompleted`` once its entry is written.
    func compute<Unit: ExecutionUnit>(_ unit: Unit, context: UnitContext) throws -> Unit.Outcome {
        try dispatch.admit(key: unit.key, isTask: Unit.isTask, step: context.step)
        let outcome = try unit.run(in: context)
        try cache.write(outcome, key: unit.key)
        context.checkpoints?.remove(key: unit.key)
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
    func training(_ id: String, in partial: RunResults.Partial) throws -> (TrainDecl, [TrainingOutcome]) {
        guard case .train(let decl)? = notebook.directive(id, kind: .train)?.payload,
            let outcome = partial.trainings[id]
        else { preconditionFailure("train `\(id)` has not run") }
        return (decl, outcome)
    }
}
