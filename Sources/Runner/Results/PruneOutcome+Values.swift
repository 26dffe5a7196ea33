import Article
import NotebookFormat

extension PruneOutcome {
    /// The value at `path` (see `NotebookChecker.pruningValues` for the list), nil if none.
    func value(_ path: String) -> Value? {
        func series(_ f: (PruneLevel) -> Double) -> Value { .series(levels.map(f)) }
        switch path {
        case "sparsity": return series(\.sparsity)
        case "accuracy": return series { Double($0.accuracy) }
        case "loss": return series { Double($0.loss) }
        case "accuracy_finetuned":
            return levels.contains { $0.accuracyFinetuned == nil } ? nil : series { Double($0.accuracyFinetuned!) }
        case "loss_finetuned":
            return levels.contains { $0.lossFinetuned == nil } ? nil : series { Double($0.lossFinetuned!) }
        case "nonzero": return series { Double($0.nonzero.reduce(0, +)) }
        case "size_dense": return series { _ in Double(baseline.sizeDense) }
        case "size_dense_zlib": return series { _ in Double(baseline.sizeDenseZlib) }
        case "size_sparse": return series { Double($0.sizeSparse) }
        case "size_sparse_zlib": return series { Double($0.sizeSparseZlib) }
        case "size_masked_zlib": return series { Double($0.sizeMaskedZlib) }
        case "compression": return series { Double(baseline.sizeDense) / Double($0.sizeSparse) }
        case "latency_dense_ms": return series(\.latency.denseMilliseconds)
        case "latency_sparse_ms": return series(\.latency.sparseMilliseconds)
        case "latency_dense_layers_ms": return series(\.latency.denseLayerMilliseconds)
        case "latency_sparse_layers_ms": return series(\.latency.sparseLayerMilliseconds)
        case "speedup": return series { $0.latency.denseMilliseconds / $0.latency.sparseMilliseconds }
        case "dense_accuracy": return .number(Double(baseline.accuracy))
        case "dense_loss": return .number(Double(baseline.loss))
        case "params": return .integer(baseline.params)
        case "prunable": return .integer(baseline.prunable)
        case "seconds": return .number(seconds)
        case "fine_tune_epochs": return fineTuneEpochs.map { .integer($0) }
        default:
            if path.hasPrefix("nonzero."),
                let layer = baseline.layerNames.firstIndex(of: String(path.dropFirst("nonzero.".count)))
            {
                return series { Double($0.nonzero[layer]) }
            }
            return nil
        }
    }

    /// The results table the article shows under the directive: one row per level.
    func table(label: String?, caption: String?, japanese: Bool, fineTuned: Bool) -> ResultTable {
        let columns: [String]
        if japanese {
            columns =
                ["スパース率", "残った重み"] + baseline.layerNames.map { "うち \($0)" }
                + ["テスト精度(剪定直後)"] + (fineTuned ? ["テスト精度(再学習後)"] : [])
                + ["ファイル(剪定後は CSR)", "その zlib 圧縮", "密のまま zlib 圧縮", "推論 密 [ms]", "推論 疎 [ms]"]
        } else {
            columns =
                ["sparsity", "weights left"] + baseline.layerNames.map { "of which \($0)" }
                + ["test accuracy (pruned)"] + (fineTuned ? ["test accuracy (fine-tuned)"] : [])
                + [
                    "file (CSR when pruned)", "file + zlib", "dense + zlib", "latency dense [ms]",
                    "latency sparse [ms]",
                ]
        }
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
        for level in levels {
            var row = [
                String(format: "%g%%", level.sparsity * 100),
                Self.grouped(level.nonzero.reduce(0, +)),
            ]
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
            label: label, caption: caption, columns: columns, rows: rows,
            numericColumns: Set(0..<columns.count))
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
