import Foundation

@testable import Charts

/// Charts of every kind, shaped like the blog's figures and its planned follow-ups.
enum SampleCharts {
    static var japaneseAccuracy: Chart {
        BlogCurves.accuracyChart(
            title: "精度（ドロップアウトあり・なし）",
            labels: [
                "訓練精度（ドロップアウトなし）", "検証精度（ドロップアウトなし）",
                "訓練精度（ドロップアウト 0.5）", "検証精度（ドロップアウト 0.5）",
            ]
        )
        .relabelled(x: "エポック", y: "精度")
    }

    static var dropoutSweep: Chart {
        let rates = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
        return Chart(
            title: "Test accuracy against dropout rate",
            kind: .line(
                LineChart(
                    series: [
                        LineSeries(
                            label: "test accuracy", x: rates,
                            y: [0.9872, 0.9879, 0.9884, 0.9888, 0.9889, 0.9890, 0.9881, 0.9868, 0.9831], marker: true),
                        LineSeries(
                            label: "train accuracy", x: rates,
                            y: [0.9992, 0.9990, 0.9985, 0.9978, 0.9966, 0.9951, 0.9930, 0.9890, 0.9810], marker: true,
                            dashed: true),
                    ],
                    xLabel: "Dropout rate", yLabel: "Accuracy", yPercent: true)))
    }

    static var sparsitySweep: Chart {
        let remaining = [0.5, 0.2, 0.1, 0.05, 0.02, 0.01]
        return Chart(
            title: "Accuracy against remaining weights (log scale)",
            kind: .line(
                LineChart(
                    series: [
                        LineSeries(
                            label: "pruned", x: remaining, y: [0.987, 0.986, 0.981, 0.962, 0.90, 0.78], marker: true),
                        LineSeries(
                            label: "pruned + fine-tuned", x: remaining, y: [0.988, 0.988, 0.987, 0.984, 0.975, 0.955],
                            marker: true),
                    ],
                    xLabel: "Fraction of weights kept", yLabel: "Test accuracy", xScale: .log)))
    }

    static var grouped: Chart {
        Chart(
            title: "Test accuracy by model",
            kind: .bar(
                BarChart(
                    categories: ["No dropout", "Dropout 0.5", "Pruned 90%", "Pruned 90% + fine-tuning"],
                    series: [
                        BarSeries(label: "seed 0", values: [0.9872, 0.9890, 0.9810, 0.9868]),
                        BarSeries(label: "seed 1", values: [0.9877, 0.9882, 0.9795, 0.9871]),
                        BarSeries(label: "seed 2", values: [0.9873, 0.9878, 0.9802, 0.9866]),
                    ],
                    xLabel: "Model", yLabel: "Test accuracy")))
    }

    /// Weights like a trained dense layer's (a deterministic bell shape), and the same after
    /// pruning 90% by magnitude (small ones set to zero).
    static var weights: Chart {
        var state: UInt64 = 42
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        let before = (0..<20000).map { _ in sqrt(-2 * log(uniform())) * cos(2 * Double.pi * uniform()) * 0.05 }
        let threshold = before.map(abs).sorted()[18000]
        let after = before.map { abs($0) < threshold ? 0 : $0 }
        return Chart(
            title: "Weight magnitudes before and after pruning",
            kind: .histogram(
                HistogramChart(
                    series: [
                        HistogramSeries(label: "before pruning", values: before),
                        HistogramSeries(label: "after pruning 90%", values: after),
                    ],
                    bins: 60, xLabel: "Weight", yLabel: "Count", yScale: .log)))
    }

    /// A 7x7 "digit" pattern per class, some mistakes highlighted.
    static var digits: Chart {
        let images = (0..<10).map { d -> GridImage in
            let n = 14
            var px = [UInt8](repeating: 0, count: n * n)
            for y in 0..<n {
                for x in 0..<n {
                    let on = (x - 7) * (x - 7) + (y - 7) * (y - 7) < 25 + d * 2 && (x + y + d) % 3 != 0
                    px[y * n + x] = on ? UInt8(155 + 10 * d) : 0
                }
            }
            let pred = d % 4 == 3 ? (d + 2) % 10 : d
            return GridImage(
                width: n, height: n, pixels: px, caption: "true \(d) / pred \(pred)", highlighted: pred != d)
        }
        return Chart(
            title: "Test digits (mistakes in red)", kind: .imageGrid(ImageGrid(images: images, columns: 5)),
            width: 640, height: 320)
    }

    static var confusion: Chart {
        let diag = [973.0, 1127, 1019, 998, 966, 880, 944, 1013, 961, 991]
        var values = [[Double]](repeating: [Double](repeating: 0, count: 10), count: 10)
        for r in 0..<10 {
            for c in 0..<10 {
                let k = r * 7 + c * 3
                values[r][c] = r == c ? diag[r] : (k % 5 == 0 ? Double((r + c) % 6) : 0)
            }
        }
        let labels = (0..<10).map(String.init)
        return Chart(
            title: "Confusion matrix (test set)",
            kind: .heatmap(
                Heatmap(
                    rowLabels: labels, columnLabels: labels, values: values,
                    xLabel: "Predicted label", yLabel: "True label", colorBarLabel: "Count")), width: 640, height: 560)
    }

    /// A long Japanese title, axis labels and legend labels: wrapped, never cut.
    static var longJapanese: Chart {
        Chart(
            title: "ドロップアウトなしで訓練したモデルの検証データに対する損失の推移（エポックごと、シード0、バッチサイズ32）",
            kind: .line(
                LineChart(
                    series: [
                        LineSeries(label: "検証損失（ドロップアウトなし、学習率 0.001、Adam、バッチサイズ 32）", epochs: BlogCurves.valLoss),
                        LineSeries(label: "検証損失（ドロップアウト 0.5）", epochs: BlogCurves.dropoutValLoss, dashed: true),
                    ],
                    xLabel: "エポック（1 から数える）", yLabel: "交差エントロピー損失（検証データ）", integerX: true)))
    }

    /// Fashion-MNIST class names: too long for a cell, so the column labels turn vertical.
    static var fashionConfusion: Chart {
        let names = [
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
        ]
        var values = [[Double]](repeating: [Double](repeating: 0, count: 10), count: 10)
        for r in 0..<10 {
            for c in 0..<10 { values[r][c] = r == c ? 0.80 + 0.02 * Double(r % 8) : (abs(r - c) == 2 ? 0.05 : 0.001) }
        }
        return Chart(
            title: "Fashion-MNIST confusion (row-normalised)",
            kind: .heatmap(
                Heatmap(
                    rowLabels: names, columnLabels: names, values: values, xLabel: "Predicted", yLabel: "True",
                    colorBarLabel: "Fraction of the row")), width: 640, height: 600)
    }

    static var all: [(String, Chart)] {
        [
            ("accuracy", BlogCurves.accuracyChart()), ("loss", BlogCurves.lossChart()),
            ("accuracy-ja", japaneseAccuracy), ("dropout-sweep", dropoutSweep), ("sparsity-sweep", sparsitySweep),
            ("bars", grouped), ("weights", weights), ("digits", digits), ("confusion", confusion),
            ("long-japanese", longJapanese), ("fashion-confusion", fashionConfusion),
            ("bands", SpreadCharts.bands), ("error-bars", SpreadCharts.errorBars),
        ]
    }
}

extension Chart {
    func relabelled(x: String, y: String) -> Chart {
        var c = self
        if case .line(var l) = c.kind {
            l.xLabel = x
            l.yLabel = y
            c.kind = .line(l)
        }
        return c
    }
}
