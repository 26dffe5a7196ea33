/// One piece of the execute stage's work as a value: its plain inputs, the cache key that names
/// them, and a function that computes its outcome from nothing else.
///
/// The executor looks the key up in the cache and runs the unit only when it is missing, so a
/// unit can run anywhere its inputs can be sent (a worker process, a cluster job) and its outcome
/// is stored under its key.
protocol ExecutionUnit {
    associatedtype Outcome: CachedOutcome
    /// SHA-256 of every input that determines the outcome.
    var key: String { get }
    /// Whether the unit is a task: work worth sending to another process or a cluster node
    /// (trainings, prune levels, sweep points). Other units (evaluations) run where the executor runs.
    static var isTask: Bool { get }
    func run(in context: UnitContext) throws -> Outcome
}

extension ExecutionUnit {
    static var isTask: Bool { false }
}
