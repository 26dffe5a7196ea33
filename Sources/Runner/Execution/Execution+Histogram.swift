import Article
import Charts
import Engine
import Foundation
import NotebookFormat

extension Execution {
    /// The kernel weights of a prune's model before pruning and after it (fine-tuned when the prune
    /// fine-tunes) at one sparsity, as two histograms over shared bins. Pruned weights (exact zeros)
    /// are left out of the "after" series unless `zeros: true`.
    func histogramFigure(_ decl: HistogramDecl, directive: Directive) throws -> Figure {
        let (outcome, prune) = try pruneOutcome(named: decl.prune)
        guard let level = outcome.levels.first(where: { $0.sparsity == decl.sparsity }) else {
            throw RunnerFailure(message: "`\(decl.prune)` has no sparsity \(decl.sparsity)")
        }
        let (model, _) = try trainedModel(trainID: prune.model)
        var tensors = model.prunableParameterIndices
        if let layer = decl.layer {
            guard let position = outcome.baseline.layerNames.firstIndex(of: layer) else {
                throw RunnerFailure(message: "`\(decl.prune)` has no layer `\(layer)`")
            }
            tensors = [tensors[position]]
        }
        let before = tensors.flatMap { outcome.baseline.weights[$0] }.map(Double.init)
        var after = tensors.flatMap { level.weights[$0] }.map(Double.init)
        if !decl.zeros { after = after.filter { $0 != 0 } }
        let japanese = notebook.frontMatter.lang.hasPrefix("ja")
        let percent = String(format: "%g%%", decl.sparsity * 100)
        let tuned = prune.fineTune != nil
        let labels =
            decl.labels
            ?? (japanese
                ? ["剪定前", "剪定後 (\(percent)\(tuned ? "、再学習後" : ""))"]
                : ["before pruning", "after pruning to \(percent)\(tuned ? ", fine-tuned" : "")"])
        let histogram = HistogramChart(
            series: [
                HistogramSeries(label: labels[0], values: before),
                HistogramSeries(label: labels.count > 1 ? labels[1] : "", values: after),
            ],
            bins: decl.bins,
            xLabel: decl.xlabel ?? (japanese ? "重みの値" : "weight value"),
            yLabel: decl.ylabel ?? (japanese ? "個数" : "count"),
            yScale: AxisScale(rawValue: decl.yscale) ?? .linear)
        let chart = Chart(title: decl.title, kind: .histogram(histogram))
        return try figure(chart, directive: directive, alt: decl.title ?? "weight histogram of \(decl.prune)")
    }
}
