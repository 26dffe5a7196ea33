import Foundation
import NotebookFormat

/// Wall-clock times of a run, written to `timings.json` beside the article (untracked output):
/// they differ from run to run, so they stay out of the lock.
struct Timings: Codable, Equatable {
    /// One directive that trained: its seconds as measured when it ran (a cached result keeps
    /// the time of the run that computed it).
    struct Entry: Codable, Equatable {
        var seconds: Double
        var cached: Bool
    }

    /// Seconds the whole run took.
    var runSeconds: Double
    /// By directive node (`train no_dropout`, `prune global`, `sweep rates`).
    var directives: [String: Entry]

    init(notebook: Notebook, results: RunResults, elapsed: Double) {
        runSeconds = elapsed
        directives = [:]
        for directive in notebook.directives {
            let node = Plan.node(directive)
            let cached = results.cachedNodes.contains(node)
            switch directive.kind {
            case .train:
                if let replicates = results.trainings[directive.id] {
                    directives[node] = Entry(seconds: replicates.reduce(0) { $0 + $1.seconds }, cached: cached)
                }
            case .prune:
                if let replicates = results.prunes[directive.id] {
                    let levels = replicates.flatMap(\.levels)
                    directives[node] = Entry(seconds: levels.reduce(0) { $0 + $1.seconds }, cached: cached)
                }
            case .sweep:
                if let replicates = results.sweeps[directive.id] {
                    let points = replicates.flatMap(\.points)
                    directives[node] = Entry(seconds: points.reduce(0) { $0 + $1.seconds }, cached: cached)
                }
            default:
                continue
            }
        }
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
