import Article
import Charts
import Datasets
import Foundation
import NotebookFormat

extension Execution {
    /// A line chart of series from the run (epochs on x unless `x:` is given).
    func plotFigure(_ decl: PlotDecl, directive: Directive) throws -> Figure {
        var series: [LineSeries] = []
        var integerX = true
        for item in decl.series {
            let y = try seriesValues(item.y)
            var x = (1...max(y.count, 1)).map(Double.init)
            if let xExpression = item.x {
                x = try seriesValues(xExpression)
                integerX = false
            }
            series.append(
                LineSeries(
                    label: item.label, x: Array(x.prefix(y.count)), y: y,
                    marker: item.x != nil || y.count == 1))
        }
        var line = LineChart(series: series)
        line.xLabel = decl.xlabel
        line.yLabel = decl.ylabel
        line.xScale = AxisScale(rawValue: decl.xscale) ?? .linear
        line.yScale = AxisScale(rawValue: decl.yscale) ?? .linear
        if let limits = decl.xlim, limits.count == 2 { line.xLimits = limits[0]...limits[1] }
        if let limits = decl.ylim, limits.count == 2 { line.yLimits = limits[0]...limits[1] }
        line.integerX = integerX
        let chart = Chart(title: decl.title, kind: .line(line), width: decl.width ?? 640, height: decl.height ?? 480)
        return try figure(chart, directive: directive, alt: decl.title ?? directive.id)
    }

    /// A grid of the first images of a data set, captioned with their class.
    func samplesFigure(_ decl: SamplesDecl, directive: Directive) throws -> Figure {
        let data = try dataset(named: decl.data)
        let images = decl.split == "train" ? data.dataset.train : data.dataset.test
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
        let (outcome, evaluate) = try evaluation(named: decl.model)
        let data = try dataset(evaluatedBy: evaluate)
        let images = evaluate.on == "train" ? data.dataset.train : data.dataset.test
        let wrong = outcome.predictions.indices.filter { outcome.predictions[$0] != outcome.labels[$0] }.prefix(
            decl.count)
        let japanese = notebook.frontMatter.lang.hasPrefix("ja")
        let grid = wrong.map { index -> GridImage in
            let truth = className(Int(outcome.labels[index]), data: data)
            let guess = className(Int(outcome.predictions[index]), data: data)
            let caption = japanese ? "正解 \(truth) / 予測 \(guess)" : "true \(truth) / pred \(guess)"
            return GridImage(
                width: images.width, height: images.height, pixels: pixels(of: index, in: images),
                caption: caption, highlighted: true)
        }
        guard !grid.isEmpty else {
            throw RunnerFailure(message: "`\(decl.model)` misclassified no image: nothing to show in `\(directive.id)`")
        }
        let rows = (grid.count + decl.columns - 1) / max(decl.columns, 1)
        let chart = Chart(
            title: nil, kind: .imageGrid(ImageGrid(images: grid, columns: decl.columns)),
            width: Double(decl.columns) * 120, height: Double(rows) * 124)
        return try figure(chart, directive: directive, alt: "\(grid.count) misclassified images")
    }

    /// The confusion matrix of an evaluation as a heatmap (rows: true class, columns: predicted).
    func confusionFigure(_ decl: ConfusionDecl, directive: Directive) throws -> Figure {
        let (outcome, evaluate) = try evaluation(named: decl.model)
        let data = try dataset(evaluatedBy: evaluate)
        let classes = data.dataset.classNames.count
        var counts = [[Double]](repeating: [Double](repeating: 0, count: classes), count: classes)
        for (truth, guess) in zip(outcome.labels, outcome.predictions) {
            counts[Int(truth)][Int(guess)] += 1
        }
        let japanese = notebook.frontMatter.lang.hasPrefix("ja")
        let heatmap = Heatmap(
            rowLabels: data.dataset.classNames, columnLabels: data.dataset.classNames, values: counts,
            xLabel: japanese ? "予測ラベル" : "predicted label", yLabel: japanese ? "正解ラベル" : "true label",
            colorBarLabel: japanese ? "枚数" : "count", annotate: true)
        let chart = Chart(title: nil, kind: .heatmap(heatmap), width: 560, height: 480)
        return try figure(chart, directive: directive, alt: "confusion matrix of \(decl.model)")
    }

    func figure(_ chart: Chart, directive: Directive, alt: String) throws -> Figure {
        let scale = 2.0
        let png: Data
        do {
            png = try ChartRenderer(scale: scale).png(chart)
        } catch {
            throw RunnerFailure(message: "figure `\(directive.id)` could not be drawn: \(error)")
        }
        return Figure(
            label: directive.display.label, caption: directive.display.caption, fileName: "\(directive.id).png",
            png: png, alt: alt, pixelWidth: Int(chart.width * scale), pixelHeight: Int(chart.height * scale),
            displayWidth: Int(chart.width))
    }

    private func seriesValues(_ expression: NotebookFormat.Expression) throws -> [Double] {
        switch try lookup.value(root: expression.path.root, members: expression.path.members) {
        case .series(let values): return values
        case .number(let value): return [value]
        case .integer(let value): return [Double(value)]
        case .text: throw RunnerFailure(message: "`\(expression.source)` is not a number series")
        }
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
