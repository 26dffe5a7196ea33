/// Where the executor's units run.
///
/// - `inProcess`: every missing unit runs here, one after the other (the default run).
/// - `collect`: a task unit (``ExecutionUnit/isTask``) that is missing from the cache is recorded
///   as a ``TaskSpec`` and its directive waits (``TaskDeferred``); everything that does not depend on
///   a waiting directive still runs. One such pass finds one wave of independent tasks.
/// - `only(key)`: a worker computes the one unit with this key, writes its entry and stops
///   (``TaskCompleted``); any other missing unit makes its directive wait.
enum UnitDispatch {
    case inProcess
    case collect(TaskCollector)
    case only(key: String)

    /// Throws ``TaskDeferred`` when the unit must not run here.
    func admit(key: String, isTask: Bool, step: DirectiveStep) throws {
        switch self {
        case .inProcess:
            return
        case .collect(let collector):
            guard isTask else { return }
            collector.add(key: key, step: step)
            throw TaskDeferred()
        case .only(let target):
            if key != target { throw TaskDeferred() }
        }
    }

    /// Called after a unit's entry is written; a worker stops there.
    func finished(key: String) throws {
        if case .only(let target) = self, key == target { throw TaskCompleted() }
    }
}

/// A directive waits for a task that runs elsewhere.
struct TaskDeferred: Error {}

/// A worker's task wrote its cache entry; nothing more to do.
struct TaskCompleted: Error {}
