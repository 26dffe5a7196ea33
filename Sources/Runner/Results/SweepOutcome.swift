import Article
import Engine
import NotebookFormat

/// A `sweep` directive's results: one training per point.
struct SweepOutcome {
    var vary: String
    var points: [SweepPoint]
}

/// One point of a sweep: the value(s) set, the run's history and its test metrics.
struct SweepPoint: Codable {
    /// The value set (for `rate` one per Dropout layer when given as a list, else one).
    var value: [Double]
    var history: History
    var testLoss: Float
    var testAccuracy: Float
    var seconds: Double
}

extension SweepOutcome {
    /// The value at `path` (see `NotebookChecker.pruningValues` for the list), nil if none.
    func value(_ path: String) -> Value? {
        func series(_ f: (SweepPoint) -> Double?) -> Value? {
            let values = points.compactMap(f)
            return values.count == points.count ? .series(values) : nil
        }
        switch path {
        case "points": return .integer(points.count)
        case "values":
            let single = points.allSatisfy { $0.value.count == 1 }
            return .series(points.enumerated().map { single ? $1.value[0] : Double($0 + 1) })
        case "loss_final": return series { $0.history.loss.last.map(Double.init) }
        case "accuracy_final": return series { $0.history.accuracy.last.map(Double.init) }
        case "val_loss_final": return series { $0.history.valLoss.last.map(Double.init) }
        case "val_accuracy_final": return series { $0.history.valAccuracy.last.map(Double.init) }
        case "val_loss_min": return series { $0.history.valLoss.min().map(Double.init) }
        case "val_accuracy_max": return series { $0.history.valAccuracy.max().map(Double.init) }
        case "val_loss_argmin":
            return series { point in
                let v = point.history.valLoss
                return v.indices.min(by: { v[$0] < v[$1] }).map { Double($0 + 1) }
            }
        case "test_loss": return series { Double($0.testLoss) }
        case "test_accuracy": return series { Double($0.testAccuracy) }
        case "seconds": return series(\.seconds)
        default: return nil
        }
    }

    /// The results table shown under the directive: one row per point.
    func table(label: String?, caption: String?, japanese: Bool) -> ResultTable {
        let hasValidation = points.allSatisfy { !$0.history.valLoss.isEmpty }
        var columns = [vary]
        if japanese {
            columns += ["訓練精度(最終)"] + (hasValidation ? ["検証精度(最終)", "最小の検証損失", "そのエポック", "検証損失(最終)"] : []) + ["テスト精度"]
        } else {
            columns +=
                ["train accuracy (last)"]
                + (hasValidation ? ["val accuracy (last)", "min val loss", "epoch", "val loss (last)"] : [])
                + ["test accuracy"]
        }
        func percent(_ x: Float) -> String { String(format: "%.2f%%", Double(x) * 100) }
        let rows = points.map { point -> [String] in
            var row = [point.value.map { String(format: "%g", $0) }.joined(separator: " / ")]
            row.append(point.history.accuracy.last.map(percent) ?? "")
            if hasValidation {
                let v = point.history.valLoss
                let best = v.indices.min(by: { v[$0] < v[$1] }) ?? 0
                row += [
                    point.history.valAccuracy.last.map(percent) ?? "", String(format: "%.4f", Double(v[best])),
                    String(best + 1),
                    String(format: "%.4f", Double(v.last ?? 0)),
                ]
            }
            row.append(percent(point.testAccuracy))
            return row
        }
        return ResultTable(
            label: label, caption: caption, columns: columns, rows: rows, numericColumns: Set(0..<columns.count))
    }
}
