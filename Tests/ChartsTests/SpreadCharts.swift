@testable import Charts

/// Sample charts of replicated runs: mean lines with shaded 95 % CI bands, and a sweep with error bars.
enum SpreadCharts {
    /// The blog's validation losses as means over 5 seeds, with bands that widen over the epochs.
    static var bands: Chart {
        func band(_ mean: [Double], _ base: Double, _ growth: Double) -> SeriesRange {
            let half = mean.indices.map { base + growth * Double($0) }
            return SeriesRange(lower: zip(mean, half).map { $0 - $1 }, upper: zip(mean, half).map { $0 + $1 })
        }
        return Chart(
            title: "Validation loss over 5 seeds",
            kind: .line(
                LineChart(
                    series: [
                        LineSeries(
                            label: "No Dropout Val Loss", epochs: BlogCurves.valLoss,
                            band: band(BlogCurves.valLoss, 0.003, 0.0005)),
                        LineSeries(
                            label: "Dropout Val Loss", epochs: BlogCurves.dropoutValLoss,
                            band: band(BlogCurves.dropoutValLoss, 0.002, 0.0002)),
                    ],
                    xLabel: "Epoch", yLabel: "Loss", integerX: true, legendNote: "shaded: 95 % CI over 5 seeds")))
    }

    /// The dropout sweep's test accuracy with error bars (95 % CI over 5 seeds).
    static var errorBars: Chart {
        let rates = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
        let mean = [0.9872, 0.9879, 0.9884, 0.9888, 0.9889, 0.9890, 0.9881, 0.9868, 0.9831]
        let half = [0.0009, 0.0007, 0.0008, 0.0006, 0.0007, 0.0008, 0.0010, 0.0012, 0.0016]
        return Chart(
            title: "Test accuracy against dropout rate",
            kind: .line(
                LineChart(
                    series: [
                        LineSeries(
                            label: "test accuracy", x: rates, y: mean, marker: true,
                            errorBars: SeriesRange(
                                lower: zip(mean, half).map { $0 - $1 }, upper: zip(mean, half).map { $0 + $1 }))
                    ],
                    xLabel: "Dropout rate", yLabel: "Accuracy", yPercent: true,
                    legendNote: "error bars: 95 % CI over 5 seeds")))
    }
}
