import Article
import Foundation

/// The results table under a sweep directive: one row per point.
struct SweepTable {
    let outcome: SweepOutcome
    let wording: Wording

    func table(label: String?, caption: String?) -> ResultTable {
        let points = outcome.points
        let hasValidation = points.allSatisfy { !$0.history.valLoss.isEmpty }
        let columns = [outcome.vary.rawValue] + wording.sweepColumns(validation: hasValidation)
        func percent(_ x: Float) -> String { String(format: "%.2f%%", Double(x) * 100) }
        let rows = points.map { point -> [String] in
            var row = [point.value.map { String(format: "%g", $0) }.joined(separator: " / ")]
            row.append(point.history.accuracy.last.map(percent) ?? "")
            if hasValidation {
                let v = point.history.valLoss
                let best = v.indices.min(by: { v[$0] < v[$1] }) ?? 0
                row += [
                    point.history.valAccuracy.last.map(percent) ?? "", String(format: "%.4f", Double(v[best])),
                    String(best + 1), String(format: "%.4f", Double(v.last ?? 0)),
                ]
            }
            row.append(percent(point.testAccuracy))
            return row
        }
        return ResultTable(
            label: label, caption: caption, columns: columns, rows: rows, numericColumns: Set(0..<columns.count))
    }
}
