import Article
import Charts
import Datasets
import Foundation
import NotebookFormat

extension Renderer {
    /// A line chart of series from the run (epochs on x unless `x:` is given).
    func plotFigure(_ decl: PlotDecl, directive: Directive) throws -> Figure {
        var series: [LineSeries] = []
        var integerX = true
        var spreads: [(band: ReplicateBand, errorBars: Bool)] = []
        for (index, item) in decl.series.enumerated() {
            let y = try seriesValues(item.y)
            let band = try ReplicateBand(lookup.value(item.y.path), kind: decl.band(of: index))
            var x = (1...max(y.count, 1)).map(Double.init)
            if let xExpression = item.x {
                x = try seriesValues(xExpression)
                integerX = false
            }
            // Points against another series (a sweep's values, a prune's sparsity) get error bars;
            // a curve over epochs gets a shaded band.
            let errorBars = item.x != nil
            if let band { spreads.append((band, errorBars)) }
            series.append(
                LineSeries(
                    label: item.label, x: Array(x.prefix(y.count)), y: y, marker: item.x != nil || y.count == 1,
                    band: errorBars ? nil : band?.range, errorBars: errorBars ? band?.range : nil))
        }
        var line = LineChart(series: series)
        line.legendNote = wording.bandNote(spreads)
        line.xLabel = decl.xlabel
        line.yLabel = decl.ylabel
        line.xScale = Self.scale(decl.xscale)
        line.yScale = Self.scale(decl.yscale)
        if let limits = decl.xlim, limits.count == 2 { line.xLimits = limits[0]...limits[1] }
        if let limits = decl.ylim, limits.count == 2 { line.yLimits = limits[0]...limits[1] }
        line.integerX = integerX
        let chart = Chart(title: decl.title, kind: .line(line), width: decl.width ?? 640, height: decl.height ?? 480)
        return try figure(chart, directive: directive, alt: decl.title ?? directive.id)
    }

    /// A grid of the first images of a data set, captioned with their class.
    func samplesFigure(_ decl: SamplesDecl, directive: Directive) throws -> Figure {
        let data = dataset(decl.data)
        let images = data.images(LoadedDataset.Split(decl.split))
        let count = min(decl.count, images.count)
        let grid = (0..<count).map { index in
            GridImage(
                width: images.width, height: images.height, pixels: pixels(of: index, in: images),
                caption: className(Int(images.labels[index]), data: data))
        }
        let rows = (count + decl.columns - 1) / max(decl.columns, 1)
        let chart = Chart(
            title: nil, kind: .imageGrid(ImageGrid(images: grid, columns: decl.columns)),
            width: Double(decl.columns) * 80, height: Double(max(rows, 1)) * 92)
        return try figure(chart, directive: directive, alt: "\(count) sample images of \(decl.data)")
    }

    /// A grid of test images the model got wrong, captioned with true and predicted labels.
    func misclassifiedFigure(_ decl: MisclassifiedDecl, directive: Directive) throws -> Figure {
        let (outcome, evaluate, data) = evaluation(decl.model)
        let images = data.images(LoadedDataset.Split(evaluate.on))
        let wrong = outcome.predictions.indices.filter { outcome.predictions[$0] != outcome.labels[$0] }
            .prefix(decl.count)
        let grid = wrong.map { index -> GridImage in
            let truth = className(Int(outcome.labels[index]), data: data)
            let guess = className(Int(outcome.predictions[index]), data: data)
            return GridImage(
                width: images.width, height: images.height, pixels: pixels(of: index, in: images),
                caption: wording.misclassified(truth: truth, guess: guess), highlighted: true)
        }
        // Every image right is a result too: the figure says so in the grid's place.
        let empty = wording.noMisclassified(images: outcome.labels.count)
        let rows = max((grid.count + decl.columns - 1) / max(decl.columns, 1), 1)
        let chart = Chart(
            title: nil, kind: .imageGrid(ImageGrid(images: grid, columns: decl.columns, emptyText: empty)),
            width: grid.isEmpty ? max(Double(decl.columns) * 120, 480) : Double(decl.columns) * 120,
            height: Double(rows) * 124)
        return try figure(chart, directive: directive, alt: grid.isEmpty ? empty : "\(grid.count) misclassified images")
    }

    /// The confusion matrix of an evaluation as a heatmap (rows: true class, columns: predicted).
    func confusionFigure(_ decl: ConfusionDecl, directive: Directive) throws -> Figure {
        let (outcome, _, data) = evaluation(decl.model)
        let classes = data.dataset.classNames.count
        var counts = [[Double]](repeating: [Double](repeating: 0, count: classes), count: classes)
        for (truth, guess) in zip(outcome.labels, outcome.predictions) {
            counts[Int(truth)][Int(guess)] += 1
        }
        let heatmap = Heatmap(
            rowLabels: data.dataset.classNames, columnLabels: data.dataset.classNames, values: counts,
            xLabel: wording.predictedLabel, yLabel: wording.trueLabel, colorBarLabel: wording.imageCount,
            annotate: true)
        let chart = Chart(title: nil, kind: .heatmap(heatmap), width: 560, height: 480)
        return try figure(chart, directive: directive, alt: "confusion matrix of \(decl.model)")
    }

    /// The kernel weights of a prune's model before pruning and after it (fine-tuned when the prune
    /// fine-tunes) at one sparsity, as two histograms over shared bins. Pruned weights (exact zeros)
    /// are left out of the "after" series unless `zeros: true`.
    func histogramFigure(_ decl: HistogramDecl, directive: Directive) throws -> Figure {
        // A replicated prune's histogram shows replicate 1 (the one `seeds: 1` would give).
        guard let outcome = results.prunes[decl.prune]?.first,
            let level = outcome.levels.first(where: { $0.sparsity == decl.sparsity })
        else { preconditionFailure("histogram `\(directive.id)`: its prune and sparsity passed the check") }
        let baseline = outcome.baseline
        var tensors = baseline.kernelTensors
        if let layer = decl.layer {
            guard let position = baseline.layerNames.firstIndex(of: layer) else {
                preconditionFailure("histogram layer `\(layer)` passed the check")
            }
            tensors = [tensors[position]]
        }
        let before = tensors.flatMap { baseline.weights[$0] }.map(Double.init)
        var after = tensors.flatMap { level.tensors[$0] }.map(Double.init)
        if !decl.zeros { after = after.filter { $0 != 0 } }
        let percent = String(format: "%g%%", decl.sparsity * 100)
        let labels = decl.labels ?? wording.histogramSeries(percent: percent, fineTuned: outcome.fineTuned)
        let histogram = HistogramChart(
            series: [
                HistogramSeries(label: labels[0], values: before),
                HistogramSeries(label: labels.count > 1 ? labels[1] : "", values: after),
            ],
            bins: decl.bins, xLabel: decl.xlabel ?? wording.weightValue, yLabel: decl.ylabel ?? wording.weightCount,
            yScale: Self.scale(decl.yscale))
        let chart = Chart(title: decl.title, kind: .histogram(histogram))
        return try figure(chart, directive: directive, alt: decl.title ?? "weight histogram of \(decl.prune)")
    }

    /// Draws `chart` at twice its size (for sharp images on high-density screens).
    private func figure(_ chart: Chart, directive: Directive, alt: String) throws -> Figure {
        let scale = 2.0
        let png: Data
        do {
            png = try ChartRenderer(scale: scale).png(chart)
        } catch let error as ChartError where error.kind == .invalidData {
            throw RunnerFailure(message: "figure `\(directive.id)` cannot be drawn from these values: \(error)")
        } catch {
            throw InternalFailure(error, directive: Plan.node(directive))
        }
        return Figure(
            label: directive.display.label, caption: directive.display.caption, fileName: "\(directive.id).png",
            png: png, alt: alt, pixelWidth: Int(chart.width * scale), pixelHeight: Int(chart.height * scale),
            displayWidth: Int(chart.width))
    }

    /// An axis scale the checker accepted (`linear`, `log`).
    private static func scale(_ name: String) -> AxisScale {
        guard let scale = AxisScale(rawValue: name) else {
            preconditionFailure("axis scale `\(name)` passed the check")
        }
        return scale
    }

    private func seriesValues(_ expression: NotebookFormat.Expression) throws -> [Double] {
        switch try lookup.value(expression.path) {
        case .series(let values): return values
        case .replicates(let replicates):
            // The mean per position over seeds (the band around it: `ReplicateBand`).
            let series = replicates.map { if case .series(let s) = $0 { return s } else { return [] } }
            let length = series.map(\.count).min() ?? 0
            return (0..<length).map { i in series.reduce(0) { $0 + $1[i] } / Double(series.count) }
        case .number(let value): return [value]
        case .integer(let value): return [Double(value)]
        case .text: throw RunnerFailure(message: "`\(expression.source)` is not a number series")
        }
    }

    private func dataset(_ id: String) -> LoadedDataset {
        guard let data = results.datasets[id] else { preconditionFailure("data set `\(id)` has not run") }
        return data
    }

    /// An evaluation, its declaration and the data set of the model it evaluated.
    private func evaluation(_ id: String) -> (EvaluationOutcome, EvaluateDecl, LoadedDataset) {
        // Pictures of a replicated evaluation show replicate 1 (the one `seeds: 1` would give).
        guard let outcome = results.evaluations[id]?.first,
            case .evaluate(let decl)? = notebook.directive(id, kind: .evaluate)?.payload,
            case .train(let train)? = notebook.directive(decl.model, kind: .train)?.payload
        else { preconditionFailure("evaluation `\(id)` has not run") }
        return (outcome, decl, dataset(train.data))
    }

    private func pixels(of index: Int, in images: Datasets.ImageSet) -> [UInt8] {
        let size = images.width * images.height * images.channels
        let start = index * size
        if images.channels == 1 { return Array(images.pixels[start..<start + size]) }
        return stride(from: start, to: start + size, by: images.channels).map { images.pixels[$0] }
    }

    private func className(_ label: Int, data: LoadedDataset) -> String {
        data.dataset.classNames.indices.contains(label) ? data.dataset.classNames[label] : String(label)
    }
}
