import Article
import Foundation

/// The results table under a prune directive: the dense model, then one row per level. A
/// replicated prune shows each cell as mean ± sd over seeds where the seeds differ.
struct PruneTable {
    /// One outcome per seed, replicate 1 first (at least one).
    let replicates: [PruneOutcome]
    let wording: Wording

    func table(label: String?, caption: String?) -> ResultTable {
        let first = replicates[0]
        let baselines = replicates.map(\.baseline)
        let fineTuned = first.fineTuned
        let columns = wording.pruneColumns(layers: first.baseline.layerNames, fineTuned: fineTuned)
        func cell(_ f: (PruneBaseline) -> Int, _ text: (Int) -> String) -> String {
            SpreadCell.text(baselines.map { Double(f($0)) }) { text(Int($0.rounded())) }
        }
        var rows: [[String]] = []
        var dense =
            ["0%", cell(\.prunable, Self.grouped)]
            + first.baseline.layerSizes.indices.map { i in cell({ $0.layerSizes[i] }, Self.grouped) }
            + [SpreadCell.percent(baselines.map { Double($0.accuracy) })] + (fineTuned ? ["—"] : [])
        let denseZlib = Self.bytes(baselines.map(\.sizeDenseZlib))
        dense += [Self.bytes(baselines.map(\.sizeDense)), denseZlib, denseZlib, "", ""]
        rows.append(dense)
        for (index, level) in first.levels.enumerated() {
            let levels = replicates.map { $0.levels[index] }
            func numbers(_ f: (PruneLevel) -> Double) -> [Double] { levels.map(f) }
            var row = [
                String(format: "%g%%", level.sparsity * 100),
                SpreadCell.text(numbers { Double($0.nonzero.reduce(0, +)) }) { Self.grouped(Int($0.rounded())) },
            ]
            row += level.nonzero.indices.map { i in
                SpreadCell.text(numbers { Double($0.nonzero[i]) }) { Self.grouped(Int($0.rounded())) }
            }
            row.append(SpreadCell.percent(numbers { Double($0.accuracy) }))
            if fineTuned {
                let tuned = levels.compactMap(\.accuracyFinetuned).map(Double.init)
                row.append(tuned.count == levels.count ? SpreadCell.percent(tuned) : "")
            }
            row += [
                Self.bytes(levels.map(\.sizeSparse)), Self.bytes(levels.map(\.sizeSparseZlib)),
                Self.bytes(levels.map(\.sizeMaskedZlib)),
                SpreadCell.fixed(numbers(\.latency.denseMilliseconds), digits: 1),
                SpreadCell.fixed(numbers(\.latency.sparseMilliseconds), digits: 1),
            ]
            rows.append(row)
        }
        return ResultTable(
            label: label, caption: caption, columns: columns, rows: rows, numericColumns: Set(0..<columns.count))
    }

    /// `693962` -> `693,962`.
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Bytes as kB (1 kB = 1,000 bytes) with one decimal.
    static func bytes(_ n: Int) -> String { String(format: "%.1f kB", Double(n) / 1000) }

    /// Bytes per seed as kB: `12.3 kB`, or `12.3 ± 0.1 kB` when the seeds differ.
    static func bytes(_ sizes: [Int]) -> String {
        SpreadCell.text(sizes.map(Double.init), suffix: " kB") { String(format: "%.1f", $0 / 1000) }
    }
}
