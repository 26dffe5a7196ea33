import Article
import Engine
import Foundation
import NotebookFormat

/// The article's closing section: how its numbers were made, whether they were verified, and
/// how long the trainings took (wall-clock times live here and in timings.json, never in the lock).
struct Provenance {
    let notebook: Notebook
    let results: RunResults
    let verification: String
    /// Seconds the whole run took.
    let elapsed: Double
    /// The exported Keras script's line (``KerasScriptLink``), when the notebook has one.
    var kerasScript: ProvenanceItem? = nil

    var items: [ProvenanceItem] {
        let front = notebook.frontMatter
        let trained = notebook.directives.filter { $0.kind == .train }
        let cached = trained.filter { results.cachedNodes.contains(Plan.node($0)) }
        var items = [
            ProvenanceItem(label: "verification", value: verification),
            ProvenanceItem(label: "seed", value: "\(front.seed)"),
            ProvenanceItem(label: "nbrun", value: "\(RunnerInfo.version) (numerics \(RunnerInfo.numericsVersion))"),
            ProvenanceItem(label: "CPU", value: EngineInfo.cpuModel),
            ProvenanceItem(label: "math library", value: EngineInfo.mathLibrary),
            ProvenanceItem(label: "threads", value: "\(results.threads)"),
        ]
        for (file, sum) in results.dataChecksums.sorted(by: { $0.key < $1.key }) {
            items.append(ProvenanceItem(label: "data \(file)", value: "SHA-256 \(sum)"))
        }
        for directive in trained {
            guard let replicates = results.trainings[directive.id], let outcome = replicates.first else { continue }
            let seconds = replicates.reduce(0) { $0 + $1.seconds }
            let seeds = replicates.count == 1 ? "" : " × \(replicates.count) seeds"
            let where_ = results.cachedNodes.contains(Plan.node(directive)) ? " (from the cache)" : ""
            items.append(
                ProvenanceItem(
                    label: "training \(directive.id)",
                    value: String(format: "%.1f s, %d epochs%@%@", seconds, outcome.history.epochs.count, seeds, where_)
                )
            )
        }
        var run = String(format: "%.1f s in all", elapsed)
        if !trained.isEmpty {
            run += "; trained \(trained.count - cached.count), reused \(cached.count) from the cache"
        }
        items.append(ProvenanceItem(label: "time taken", value: run))
        if let kerasScript { items.append(kerasScript) }
        return items
    }
}
