import Engine

/// Where a unit runs: how many worker threads it may use, and where its progress goes.
struct UnitContext {
    let threads: Int
    let events: RunEvents
    /// The directive the unit works for.
    let step: DirectiveStep
    /// Where trainings save a checkpoint after every epoch and resume from it (nil without a cache).
    var checkpoints: CheckpointFolder? = nil

    /// A line of information under the directive.
    func note(_ text: String) { events.send(.note(text)) }

    /// A progress callback for one `fit`: forwards the engine's events and, after each epoch, the
    /// history so far (starting with `resumed`, the epochs a checkpoint brought back).
    func trainingProgress(resumed: History = History()) -> (TrainingEvent) -> Void {
        var soFar = resumed
        return { [events, step] event in
            events.send(.training(step, event))
            if case .epochEnded(_, let record) = event {
                soFar.epochs.append(record)
                events.send(.epochFinished(step, history: soFar))
            }
        }
    }
}
