import Engine
import Foundation

extension LockFile {
    /// The lock of a finished run.
    init(execution: Execution, notebookBytes: Data) {
        let notebook = execution.notebook
        var directives: [String: LockedDirective] = [:]
        var trainingSeconds: [String: Double] = [:]
        for directive in notebook.directives {
            var record = LockedDirective(
                kind: directive.kind.rawValue, line: directive.location.line,
                key: execution.keys[Plan.node(directive)] ?? "")
            switch directive.kind == .model ? nil : execution.results[directive.id] {
            case .train(let outcome)?:
                trainingSeconds[Plan.node(directive)] = outcome.seconds
                let history = outcome.history
                record.history = [
                    "loss": history.loss.map(LockedNumber.init),
                    "accuracy": history.accuracy.map(LockedNumber.init),
                    "val_loss": history.valLoss.map(LockedNumber.init),
                    "val_accuracy": history.valAccuracy.map(LockedNumber.init),
                ].filter { !$0.value.isEmpty }
            case .evaluate(let outcome)?:
                record.metrics = [
                    "loss": LockedNumber(outcome.loss), "accuracy": LockedNumber(outcome.accuracy),
                    "errors": LockedNumber(Double(outcome.errors)),
                ]
            case .prune(let outcome)?:
                record.metrics = outcome.lockedMetrics
                record.history = outcome.lockedHistories
            case .sweep(let outcome)?:
                record.metrics = outcome.lockedMetrics
                record.history = outcome.lockedHistories
            default:
                break
            }
            directives[Plan.node(directive)] = record
        }
        self.init(
            notebook: notebook.file.lastPathComponent,
            notebookSHA256: Digest.hex(notebookBytes),
            environment: LockEnvironment(
                nbrun: RunnerInfo.version, numerics: RunnerInfo.numericsVersion, cpu: EngineInfo.cpuModel,
                mathLibrary: EngineInfo.mathLibrary, threads: execution.threads, seed: notebook.frontMatter.seed,
                data: execution.dataChecksums, seconds: trainingSeconds),
            directives: directives,
            shown: execution.shownNumbers.map { number in
                LockedShownNumber(
                    source: number.source, line: number.location.line, column: number.location.column,
                    expression: number.expression, value: number.value.map(LockedNumber.init),
                    text: number.text, timing: number.timing ? true : nil)
            })
    }

    /// How many numbers the lock holds (histories, metrics and printed values).
    var numberCount: Int {
        directives.values.reduce(0) { total, directive in
            total + (directive.history?.values.reduce(0) { $0 + $1.count } ?? 0) + (directive.metrics?.count ?? 0)
        } + shown.filter { $0.value != nil }.count
    }
}
