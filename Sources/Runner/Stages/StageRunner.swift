import Foundation
import NotebookFormat

/// Runs the stages of one run in their declared order, numbering them itself.
///
/// Each call to ``run(_:detail:_:)`` must name the next stage of the list it was made with (a
/// programmer error otherwise). Errors leave a stage stamped: a `RunnerFailure` with the stage
/// (its directive and location are set by the executor), diagnostics as a `RunnerFailure`, and
/// anything else as an `InternalFailure`.
final class StageRunner {
    private let stages: [Stage]
    private let events: RunEvents
    private var next = 0

    init(_ stages: [Stage], events: RunEvents) {
        self.stages = stages
        self.events = events
    }

    func run<T>(_ stage: Stage, detail: String? = nil, _ body: () throws -> T) throws -> T {
        precondition(next < stages.count && stages[next] == stage, "stage \(stage) run out of order")
        next += 1
        let step = StageStep(stage: stage, index: next, total: stages.count)
        events.send(.stageStarted(step, detail: detail))
        let started = Date()
        let value: T
        do {
            value = try body()
        } catch var failure as RunnerFailure {
            failure.stage = failure.stage ?? step.description
            throw failure
        } catch let diagnostics as DiagnosticList {
            var failure = RunnerFailure(diagnostics: diagnostics)
            failure.stage = step.description
            throw failure
        } catch var failure as InternalFailure {
            failure.stage = failure.stage ?? step.description
            throw failure
        } catch {
            throw InternalFailure(error, stage: step.description)
        }
        events.send(.stageFinished(step, seconds: Date().timeIntervalSince(started)))
        return value
    }
}
