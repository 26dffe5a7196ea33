import Engine
import Foundation
import NotebookFormat

extension Execution {
    /// Prunes a trained model at each sparsity of the directive, fine-tunes it if asked, and measures
    /// test accuracy, non-zero weights, sparse file size and inference latency.
    ///
    /// Every level is cached under its own key (the train's key, method, scope, fine-tuning,
    /// latency settings, the level and the directive's seed), so adding a level computes only that
    /// level; the dense baseline is cached under the train's key.
    func prune(_ decl: PruneDecl, directive: Directive, key: String, step: StepName) throws -> PruneOutcome {
        let started = Date()
        guard let trainKey = keys["train \(decl.model)"] else {
            throw RunnerFailure(message: "`\(decl.model)` has not run")
        }
        let levelKeys = decl.sparsity.map { levelKey(decl, directive: directive, trainKey: trainKey, sparsity: $0) }
        let baseKey = Digest.hex("nbrun-prune-baseline/1\ntrain=\(trainKey)")
        let cachedBase = options.useCache ? cachedBaseline(key: baseKey) : nil
        let cachedLevels = levelKeys.map { options.useCache ? cachedLevel(key: $0) : nil }
        let missing = cachedLevels.filter { $0 == nil }.count
        if cachedBase != nil, missing == 0 {
            markCached(directive.id)
            progress.step(step, detail: "cached")
        } else {
            progress.step(
                step,
                detail: missing < decl.sparsity.count
                    ? "\(decl.sparsity.count - missing) of \(decl.sparsity.count) levels cached" : nil)
        }
        let (model, train) = try trainedModel(trainID: decl.model)
        let data = try dataset(named: train.data)
        var baseline: PruneBaseline
        if let cachedBase {
            baseline = cachedBase
        } else {
            baseline = try measureBaseline(model: model)
            try storeBaseline(baseline, key: baseKey)
        }
        baseline.weights = model.parameters
        var levels: [PruneLevel] = []
        for (index, sparsity) in decl.sparsity.enumerated() {
            if let level = cachedLevels[index] {
                levels.append(level)
                continue
            }
            progress.note("sparsity \(percentText(sparsity)) (\(decl.scope))")
            let level = try pruneLevel(
                sparsity, decl: decl, directive: directive, baseline: baseline, train: train, data: data)
            try cache.store(key: levelKeys[index]) { folder in
                try JSONEncoder().encode(level).write(to: folder.appendingPathComponent("level.json"))
                try CachedFloats.write(level.weights, to: folder, name: "weights")
            }
            levels.append(level)
        }
        return PruneOutcome(
            baseline: baseline, levels: levels, seconds: Date().timeIntervalSince(started),
            fineTuneEpochs: decl.fineTune?.epochs)

        func measureBaseline(model: Model) throws -> PruneBaseline {
            let evaluation = model.evaluate(data.test, batchSize: 1000, threads: threads)
            let dense = SparseModelFile.encode(
                parameters: model.parameters, shapes: model.parameterShapes, sparseCandidates: [])
            let sizes = model.prunableParameterIndices.map { model.parameterShapes[$0].reduce(1, *) }
            let prunable = sizes.reduce(0, +)
            return PruneBaseline(
                layerNames: model.prunableLayerNames, layerSizes: sizes, params: model.parameterCount,
                prunable: prunable,
                accuracy: evaluation.accuracy, loss: evaluation.loss,
                sizeDense: dense.count, sizeDenseZlib: try Zlib.compress(dense).count)
        }
    }

    /// One level: prune the trained weights, evaluate, fine-tune with masks held, evaluate, measure.
    private func pruneLevel(
        _ sparsity: Double, decl: PruneDecl, directive: Directive, baseline: PruneBaseline,
        train: TrainDecl, data: LoadedDataset
    ) throws -> PruneLevel {
        let started = Date()
        let built = try model(named: train.model)
        var unused = SeededGenerator(seed: 0)
        let model = try Model(spec: built.spec, generator: &unused)
        model.parameters = baseline.weights
        let scope = PruningScope(rawValue: decl.scope) ?? .global
        let masks = model.magnitudeMasks(sparsity: sparsity, scope: scope)
        model.applyMasks(masks)
        let oneShot = model.evaluate(data.test, batchSize: 1000, threads: threads)
        progress.note("pruned: test accuracy \(ProgressBar.fixed(oneShot.accuracy))")
        var level = PruneLevel(
            sparsity: sparsity, achievedSparsity: 0, accuracy: oneShot.accuracy, loss: oneShot.loss,
            nonzero: [], sizeSparse: 0, sizeSparseZlib: 0, sizeMaskedZlib: 0,
            latency: LatencyMeasurement(
                batch: 0, runs: 0, denseMilliseconds: 0, sparseMilliseconds: 0,
                denseLayerMilliseconds: 0, sparseLayerMilliseconds: 0),
            seconds: 0)
        if let fineTune = decl.fineTune {
            var generator = SeededGenerator(
                seed: Digest.uint64("nbrun-prune-seed/1|\(seed(for: directive))|\(sparsity)"))
            let config = fineTuneConfig(fineTune, train: train)
            var schedule: GradualSchedule?
            var start = masks
            if fineTune.schedule == "gradual" {
                // Start again from the dense weights; the schedule removes weights step by step.
                model.parameters = baseline.weights
                start = PruningMasks.keepAll(
                    shapes: model.parameters.map(\.count), prunable: model.prunableParameterIndices)
                let rows = FitConfig.trainingRows(count: data.train.count, validationSplit: config.validationSplit)
                let steps = config.epochs * ((rows + config.batchSize - 1) / config.batchSize)
                schedule = GradualSchedule(
                    initialSparsity: min(fineTune.initialSparsity, sparsity), finalSparsity: sparsity,
                    beginStep: 0, endStep: max(0, Int((fineTune.ramp * Double(steps)).rounded()) - 1),
                    frequency: fineTune.frequency)
            }
            let result = try model.fitPruned(
                data.train, config: config, masks: start, schedule: schedule, scope: scope,
                generator: &generator
            ) { [progress] event in progress.training(event) }
            let tuned = model.evaluate(data.test, batchSize: 1000, threads: threads)
            level.accuracyFinetuned = tuned.accuracy
            level.lossFinetuned = tuned.loss
            level.fineTuneHistory = result.history
            progress.note("fine-tuned: test accuracy \(ProgressBar.fixed(tuned.accuracy))")
        }
        let weights = model.parameters
        let prunable = model.prunableParameterIndices
        level.nonzero = prunable.map { index in weights[index].reduce(0) { $0 + ($1 != 0 ? 1 : 0) } }
        level.achievedSparsity = 1 - Double(level.nonzero.reduce(0, +)) / Double(max(baseline.prunable, 1))
        let file = SparseModelFile.encode(
            parameters: weights, shapes: model.parameterShapes, sparseCandidates: prunable)
        level.sizeSparse = file.count
        level.sizeSparseZlib = try Zlib.compress(file).count
        level.sizeMaskedZlib = try Zlib.compress(
            SparseModelFile.encode(
                parameters: weights, shapes: model.parameterShapes,
                sparseCandidates: [])
        ).count
        level.latency = SparseInference(model: model).measureLatency(
            data.test, batch: decl.latencyBatch, runs: decl.latencyRuns)
        progress.note(
            "size \(file.count) bytes (dense \(baseline.sizeDense)); latency sparse "
                + "\(String(format: "%.1f", level.latency.sparseMilliseconds)) ms, dense \(String(format: "%.1f", level.latency.denseMilliseconds)) ms"
        )
        level.weights = weights
        level.seconds = Date().timeIntervalSince(started)
        return level
    }

    /// The train's optimizer at the fine-tuning learning rate (default: a tenth of the train's).
    private func fineTuneConfig(_ fineTune: FineTuneDecl, train: TrainDecl) -> FitConfig {
        var optimizer = train.optimizer
        let trainRate = optimizer.learningRate ?? (optimizer.name == "sgd" ? 0.01 : 0.001)
        optimizer.learningRate = fineTune.learningRate ?? trainRate / 10
        return FitConfig(
            optimizer: OptimizerTranslation.spec(for: optimizer),
            loss: LossKind(rawValue: train.loss) ?? .sparseCategoricalCrossentropy,
            epochs: fineTune.epochs, batchSize: fineTune.batchSize ?? train.batchSize,
            validationSplit: Float(train.validationSplit), shuffle: train.shuffle, threads: threads)
    }

    private func levelKey(_ decl: PruneDecl, directive: Directive, trainKey: String, sparsity: Double) -> String {
        var parts = [
            "nbrun-prune-level/1", "train=\(trainKey)", "method=\(decl.method)", "scope=\(decl.scope)",
            "sparsity=\(sparsity)", "seed=\(seed(for: directive))", "numerics=\(RunnerInfo.numericsVersion)",
            "latency=\(decl.latencyBatch),\(decl.latencyRuns)",
        ]
        if let t = decl.fineTune {
            parts.append(
                "fine_tune=\(t.epochs),\(t.learningRate.map { "\($0)" } ?? "-"),\(t.batchSize.map(String.init) ?? "-"),"
                    + "\(t.schedule),\(t.initialSparsity),\(t.ramp),\(t.frequency)")
        }
        return Digest.hex(parts.joined(separator: "\n"))
    }

    private func cachedLevel(key: String) -> PruneLevel? {
        guard let folder = cache.entry(for: key),
            let data = try? Data(contentsOf: folder.appendingPathComponent("level.json")),
            var level = try? JSONDecoder().decode(PruneLevel.self, from: data),
            let weights = CachedFloats.read(from: folder, name: "weights")
        else { return nil }
        level.weights = weights
        return level
    }

    private func cachedBaseline(key: String) -> PruneBaseline? {
        guard let folder = cache.entry(for: key),
            let data = try? Data(contentsOf: folder.appendingPathComponent("baseline.json"))
        else { return nil }
        return try? JSONDecoder().decode(PruneBaseline.self, from: data)
    }

    private func storeBaseline(_ baseline: PruneBaseline, key: String) throws {
        try cache.store(key: key) { folder in
            try JSONEncoder().encode(baseline).write(to: folder.appendingPathComponent("baseline.json"))
        }
    }

    private func percentText(_ x: Double) -> String { String(format: "%g%%", x * 100) }

    func pruneOutcome(named id: String) throws -> (PruneOutcome, PruneDecl) {
        guard case .prune(let outcome)? = results[id], case .prune(let decl)? = notebook.directive(id)?.payload else {
            throw RunnerFailure(message: "`\(id)` is not a prune directive")
        }
        return (outcome, decl)
    }
}
