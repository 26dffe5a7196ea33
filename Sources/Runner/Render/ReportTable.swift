import Article
import Foundation
import NotebookFormat
import Statistics

/// The table of a `report` directive: scikit-learn's `classification_report` layout (one row per
/// class, then `accuracy`, `macro avg`, `weighted avg`; columns precision, recall, f1-score,
/// support). The accuracy row shows only f1-score (the accuracy) and support, as sklearn prints it.
/// Over replicates each cell is mean ± sd across seeds (support is the same in every seed).
struct ReportTable {
    let reports: [ClassificationReport]
    let classNames: [String]
    let digits: Int

    /// The rows, as (row name, column name, values per seed or nil for an empty cell).
    var cells: [(row: String, cells: [[Double]?], support: Int)] {
        func values(_ pick: (ClassificationReport) -> ClassificationReport.Row) -> [[Double]?] {
            [reports.map { pick($0).precision }, reports.map { pick($0).recall }, reports.map { pick($0).f1 }]
        }
        let first = reports[0]
        var out: [(String, [[Double]?], Int)] = []
        for (c, row) in first.classes.enumerated() {
            let name = classNames.indices.contains(c) ? classNames[c] : String(c)
            out.append((name, values { $0.classes[c] }, row.support))
        }
        out.append(("accuracy", [nil, nil, reports.map(\.accuracy)], first.macro.support))
        out.append(("macro avg", values(\.macro), first.macro.support))
        out.append(("weighted avg", values(\.weighted), first.weighted.support))
        return out
    }

    static let columns = ["", "precision", "recall", "f1-score", "support"]

    /// `0.91`, or `0.91 ± 0.01` over several seeds.
    func text(_ values: [Double]) -> String {
        if values.count == 1 { return String(format: "%.\(digits)f", values[0]) }
        let s = Summary(values)
        return String(format: "%.\(digits)f ± %.\(digits)f", s.mean, s.sd)
    }

    func table(label: String?, caption: String?) -> ResultTable {
        let rows = cells.map { row in
            [row.row] + row.cells.map { $0.map(text) ?? "" } + [String(row.support)]
        }
        return ResultTable(
            label: label, caption: caption, columns: Self.columns, rows: rows, numericColumns: Set(1..<5))
    }
}

extension Renderer {
    /// The classification report of an evaluation (every replicate), its numbers recorded as shown.
    func reportTable(_ decl: ReportDecl, directive: Directive, shown: inout [ShownNumber]) -> ResultTable {
        guard let outcomes = results.evaluations[decl.model], !outcomes.isEmpty,
            case .evaluate(let evaluate)? = notebook.directive(decl.model, kind: .evaluate)?.payload,
            case .train(let train)? = notebook.directive(evaluate.model, kind: .train)?.payload,
            let data = results.datasets[train.data]
        else { preconditionFailure("report `\(directive.id)`: evaluation `\(decl.model)` has not run") }
        let classCount = max(
            data.dataset.classNames.count,
            outcomes.flatMap { $0.labels + $0.predictions }.map { Int($0) + 1 }.max() ?? 0)
        let reports = outcomes.map {
            ClassificationReport(labels: $0.labels, predictions: $0.predictions, classCount: classCount)
        }
        let report = ReportTable(reports: reports, classNames: data.dataset.classNames, digits: decl.digits)
        for row in report.cells {
            for (column, values) in zip(ReportTable.columns[1...4], row.cells) {
                guard let values else { continue }
                let mean = values.reduce(0, +) / Double(values.count)
                shown.append(
                    ShownNumber(
                        source: directive.id, location: directive.location,
                        expression: "\(row.row) \(column)", value: mean, text: report.text(values), timing: false))
            }
        }
        return report.table(label: directive.display.label, caption: directive.display.caption)
    }
}
