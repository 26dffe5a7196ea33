import Article
import Engine
import Foundation

/// The article's closing section: how its numbers were made, and whether they were verified.
struct Provenance {
    let execution: Execution
    let verification: String

    var items: [ProvenanceItem] {
        let front = execution.notebook.frontMatter
        let trained = execution.notebook.directives.filter { $0.kind == .train }
        let fresh = trained.filter { !execution.cachedIDs.contains($0.id) }.map(\.id)
        let cached = trained.filter { execution.cachedIDs.contains($0.id) }.map(\.id)
        var items = [
            ProvenanceItem(label: "verification", value: verification),
            ProvenanceItem(label: "seed", value: "\(front.seed)"),
            ProvenanceItem(label: "nbrun", value: "\(RunnerInfo.version) (numerics \(RunnerInfo.numericsVersion))"),
            ProvenanceItem(label: "CPU", value: EngineInfo.cpuModel),
            ProvenanceItem(label: "math library", value: EngineInfo.mathLibrary),
            ProvenanceItem(label: "threads", value: "\(execution.threads)"),
        ]
        for (file, sum) in execution.dataChecksums.sorted(by: { $0.key < $1.key }) {
            items.append(ProvenanceItem(label: "data \(file)", value: "SHA-256 \(sum)"))
        }
        for directive in trained {
            if case .train(let outcome)? = execution.results[directive.id] {
                let where_ = execution.cachedIDs.contains(directive.id) ? " (from the cache)" : ""
                items.append(
                    ProvenanceItem(
                        label: "training \(directive.id)",
                        value: String(
                            format: "%.1f s, %d epochs%@", outcome.seconds, outcome.history.epochs.count, where_)))
            }
        }
        var run = String(format: "%.1f s in all", Date().timeIntervalSince(execution.started))
        if !fresh.isEmpty || !cached.isEmpty {
            run += "; trained \(fresh.count), reused \(cached.count) from the cache"
        }
        items.append(ProvenanceItem(label: "time taken", value: run))
        return items
    }
}
