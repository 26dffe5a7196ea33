import Article
import Foundation

/// The results table under a prune directive: the dense model, then one row per level.
struct PruneTable {
    let outcome: PruneOutcome
    let wording: Wording

    func table(label: String?, caption: String?) -> ResultTable {
        let baseline = outcome.baseline
        let fineTuned = outcome.fineTuned
        let columns = wording.pruneColumns(layers: baseline.layerNames, fineTuned: fineTuned)
        func percent(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f%%", x * 100) }
        var rows: [[String]] = []
        var dense =
            ["0%", Self.grouped(baseline.prunable)] + baseline.layerSizes.map(Self.grouped)
            + [percent(Double(baseline.accuracy), 2)] + (fineTuned ? ["—"] : [])
        dense += [
            Self.bytes(baseline.sizeDense), Self.bytes(baseline.sizeDenseZlib), Self.bytes(baseline.sizeDenseZlib), "",
            "",
        ]
        rows.append(dense)
        for level in outcome.levels {
            var row = [String(format: "%g%%", level.sparsity * 100), Self.grouped(level.nonzero.reduce(0, +))]
            row += level.nonzero.map(Self.grouped)
            row.append(percent(Double(level.accuracy), 2))
            if fineTuned { row.append(level.accuracyFinetuned.map { percent(Double($0), 2) } ?? "") }
            row += [
                Self.bytes(level.sizeSparse), Self.bytes(level.sizeSparseZlib), Self.bytes(level.sizeMaskedZlib),
                String(format: "%.1f", level.latency.denseMilliseconds),
                String(format: "%.1f", level.latency.sparseMilliseconds),
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
}
