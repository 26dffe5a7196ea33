import Engine
import NotebookFormat

/// What a run reports while it goes: the command line's progress printer draws these, and a
/// preview server can subscribe to the same events to redraw figures as epochs finish.
public enum RunEvent: Sendable {
    /// A stage begins; `detail` says what it covers (`12 directives`, the output folder).
    case stageStarted(StageStep, detail: String?)
    case stageFinished(StageStep, seconds: Double)
    /// A directive of the execute stage begins work; `detail` notes a partly cached result
    /// (`1 of 3 levels cached`).
    case directiveStarted(DirectiveStep, detail: String?)
    /// A directive's whole result came from the cache.
    case directiveCached(DirectiveStep)
    case directiveFinished(DirectiveStep, seconds: Double)
    /// A line of information under the current directive (`sparsity 90% (global)`).
    case note(String)
    /// Something the user should know that does not stop the run (a damaged cache entry that is
    /// being recomputed); printed as `warning: …` even when progress is quiet.
    case warning(String)
    /// Training progress from the engine (epoch begun, batch ended, epoch ended), for live bars.
    case training(DirectiveStep, TrainingEvent)
    /// An epoch finished: the history of that training so far, for live curves.
    case epochFinished(DirectiveStep, history: History)
    /// Tasks sent to worker processes or a cluster: a wave submitted, a task finished or failed.
    case task(TaskUpdate)
}

/// One directive in the execute stage: `[4/9] train no_dropout`.
public struct DirectiveStep: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let total: Int
    public let kind: DirectiveKind
    public let id: String
    /// Where the directive starts in the notebook.
    public let location: SourceLocation

    /// `train no_dropout`.
    public var name: String { "\(kind.rawValue) \(id)" }
    public var description: String { "[\(index)/\(total)] \(name)" }
}

/// Receives a run's events. Observers are given to `NotebookRun`; nothing is global.
public protocol RunObserver: AnyObject {
    func receive(_ event: RunEvent)
}

/// The observers of one run; sends each event to all of them in order.
public struct RunEvents: Sendable {
    private let observers: [ObserverBox]

    public init(_ observers: [RunObserver]) {
        self.observers = observers.map(ObserverBox.init)
    }

    public func send(_ event: RunEvent) {
        for box in observers { box.observer.receive(event) }
    }

    /// Observers are called on the run's thread only.
    private struct ObserverBox: @unchecked Sendable {
        let observer: RunObserver
    }
}
