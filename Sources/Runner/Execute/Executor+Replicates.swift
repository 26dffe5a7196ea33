import Foundation
import NotebookFormat

extension Executor {
    /// The cache keys of every replicate of a directive that ran, replicate 1 first.
    func replicateKeys(of node: String, in partial: RunResults.Partial) -> [String] {
        guard let key = partial.keys[node] else { preconditionFailure("`\(node)` has not run") }
        return [key] + (partial.replicateKeys[node] ?? [])
    }

    /// Records the keys of replicates 2... of a directive that follows its train's replicates
    /// (prune, sweep): each from the directive's key and the train replicate it used.
    func recordReplicateKeys(
        of directive: Directive, following trainKeys: [String], in partial: inout RunResults.Partial
    ) {
        let key = replicateKeys(of: Plan.node(directive), in: partial)[0]
        partial.replicateKeys[Plan.node(directive)] = trainKeys.indices.dropFirst().map {
            Self.replicateKey(key, replicate: $0 + 1, upstream: trainKeys[$0])
        }
    }

    /// The units of one replicate of a prune or sweep, each with its cached outcome (nil: missing).
    typealias ReplicateUnits<Unit: ExecutionUnit> = [(unit: Unit, cached: Unit.Outcome?)]

    /// Runs a directive that follows its train's replicates (prune: levels, sweep: points), one
    /// replicate after another, and records its replicate keys.
    ///
    /// The directive is reported cached when `allCached`, else started with "3 of 8 levels cached
    /// over 2 seeds" (`cached` of the `total` units, `noun` naming them). For replicate i,
    /// `units(i)` gives its units (after any cheap work of its own), each missing one is announced
    /// with `note(unit)`, a line with the replicate in its parenthesis ("sparsity 50% (global,
    /// seed 2)", "rate = 0.3 (seed 2)") when there are several, and `outcome(i, results)` makes the
    /// replicate's outcome. Under a task dispatch every missing unit of every replicate joins one
    /// wave before the directive waits (``TaskDeferred``).
    func runReplicates<Unit: ExecutionUnit, Outcome>(
        of directive: Directive, following trainKeys: [String], context: UnitContext,
        partial: inout RunResults.Partial, counts: (cached: Int, total: Int), allCached: Bool, noun: String,
        units: (Int) throws -> ReplicateUnits<Unit>, note: (Unit) -> (text: String, qualifiers: [String]),
        outcome: (Int, [Unit.Outcome]) -> Outcome
    ) throws -> [Outcome] {
        let step = context.step
        let replicates = trainKeys.count
        if allCached {
            partial.cachedNodes.insert(step.name)
            events.send(.directiveCached(step))
        } else {
            let seeds = replicates > 1 ? " over \(replicates) seeds" : ""
            events.send(
                .directiveStarted(
                    step, detail: counts.cached > 0 ? "\(counts.cached) of \(counts.total) \(noun) cached\(seeds)" : nil
                ))
        }
        var outcomes: [Outcome] = []
        var deferred = false
        for index in 0..<replicates {
            let planned = try units(index)
            do {
                let results = try computeAll(planned.map { ($0.unit, $0.cached) }, context: context) { unit in
                    let (text, qualifiers) = note(unit)
                    let all = qualifiers + (replicates > 1 ? ["seed \(index + 1)"] : [])
                    context.note(all.isEmpty ? text : "\(text) (\(all.joined(separator: ", ")))")
                }
                outcomes.append(outcome(index, results))
            } catch is TaskDeferred {
                deferred = true
            }
        }
        if deferred { throw TaskDeferred() }
        recordReplicateKeys(of: directive, following: trainKeys, in: &partial)
        return outcomes
    }
}
