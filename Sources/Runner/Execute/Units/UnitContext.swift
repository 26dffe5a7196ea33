import Engine

/// Where a unit runs: how many worker threads it may use, and where its progress goes.
struct UnitContext {
    let threads: Int
    let events: RunEvents
    /// The directive the unit works for.
    let step: DirectiveStep

    /// A line of information under the directive.
    func note(_ text: String) { events.send(.note(text)) }

    /// A progress callback for one `fit`: forwards the engine's events and, after each epoch, the
    /// history so far.
    func trainingProgress() -> (TrainingEvent) -> Void {
        var soFar = History()
        return { [events, step] event in
            events.send(.training(step, event))
            if case .epochEnded(_, let record) = event {
                soFar.epochs.append(record)
                events.send(.epochFinished(step, history: soFar))
            }
        }
    }
}
