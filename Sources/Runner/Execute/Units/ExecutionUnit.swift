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
    func run(in context: UnitContext) throws -> Outcome
}
