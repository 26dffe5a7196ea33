import Article
import Foundation

/// The results table under a sweep directive: one row per point. A replicated sweep shows each
/// cell as mean ± sd over seeds where the seeds differ.
struct SweepTable {
    /// One outcome per seed, replicate 1 first (at least one).
    let replicates: [SweepOutcome]
    let wording: Wording

    func table(label: String?, caption: String?) -> ResultTable {
        let first = replicates[0]
        let hasValidation = replicates.allSatisfy { $0.points.allSatisfy { !$0.history.valLoss.isEmpty } }
        let columns = [first.vary.rawValue] + wording.sweepColumns(validation: hasValidation)
        let rows = first.points.indices.map { index -> [String] in
            let points = replicates.map { $0.points[index] }
            func numbers(_ f: (SweepPoint) -> Float?) -> [Double] { points.compactMap(f).map(Double.init) }
            func percent(_ f: (SweepPoint) -> Float?) -> String {
                let values = numbers(f)
                return values.count == points.count ? SpreadCell.percent(values) : ""
            }
            var row = [points[0].value.map { String(format: "%g", $0) }.joined(separator: " / ")]
            row.append(percent { $0.history.accuracy.last })
            if hasValidation {
                let best = points.map { point -> Int in
                    let v = point.history.valLoss
                    return v.indices.min(by: { v[$0] < v[$1] }) ?? 0
                }
                let epochs = best.map { Double($0 + 1) }
                row += [
                    percent { $0.history.valAccuracy.last },
                    SpreadCell.fixed(zip(points, best).map { Double($0.history.valLoss[$1]) }, digits: 4),
                    SpreadCell.text(epochs) { $0 == $0.rounded() ? String(Int($0)) : String(format: "%.1f", $0) },
                    SpreadCell.fixed(numbers { $0.history.valLoss.last }, digits: 4),
                ]
            }
            row.append(percent { $0.testAccuracy })
            return row
        }
        return ResultTable(
            label: label, caption: caption, columns: columns, rows: rows, numericColumns: Set(0..<columns.count))
    }
}
