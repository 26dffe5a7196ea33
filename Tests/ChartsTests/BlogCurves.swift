@testable import Charts

/// Histories shaped like the blog's figures (read off the matplotlib references of the Keras run,
/// seed 0, /work/shared/reference): 20 epochs, with and without dropout.
enum BlogCurves {
    static let trainAccuracy = [
        0.948, 0.9815, 0.989, 0.993, 0.9955, 0.9966, 0.9967, 0.9973, 0.9977, 0.9983,
        0.9979, 0.9987, 0.9987, 0.9990, 0.9985, 0.9994, 0.9990, 0.9989, 0.9995, 0.9992,
    ]
    static let valAccuracy = [
        0.970, 0.9723, 0.9787, 0.9812, 0.9826, 0.978, 0.9783, 0.9853, 0.9850, 0.9847,
        0.9857, 0.9837, 0.9811, 0.9848, 0.9866, 0.9831, 0.9862, 0.9848, 0.9875, 0.9866,
    ]
    static let dropoutTrainAccuracy = [
        0.9175, 0.966, 0.9748, 0.9785, 0.983, 0.9843, 0.9866, 0.988, 0.9896, 0.9904,
        0.9914, 0.9921, 0.9919, 0.9935, 0.9932, 0.9938, 0.9935, 0.9944, 0.9946, 0.9951,
    ]
    static let dropoutValAccuracy = [
        0.978, 0.9793, 0.980, 0.983, 0.9854, 0.9856, 0.9859, 0.9862, 0.9858, 0.9867,
        0.9859, 0.9868, 0.9872, 0.9872, 0.9865, 0.9880, 0.9879, 0.9870, 0.9879, 0.9872,
    ]
    static let trainLoss = [
        0.170, 0.059, 0.037, 0.023, 0.015, 0.011, 0.0095, 0.008, 0.0068, 0.0056,
        0.0058, 0.0040, 0.0044, 0.0030, 0.0050, 0.0018, 0.0033, 0.0027, 0.0018, 0.0026,
    ]
    static let valLoss = [
        0.096, 0.088, 0.070, 0.0655, 0.069, 0.083, 0.089, 0.070, 0.067, 0.072,
        0.073, 0.078, 0.098, 0.088, 0.077, 0.096, 0.080, 0.089, 0.077, 0.0962,
    ]
    static let dropoutTrainLoss = [
        0.270, 0.111, 0.082, 0.068, 0.054, 0.048, 0.041, 0.036, 0.032, 0.029,
        0.0245, 0.024, 0.023, 0.0195, 0.020, 0.0175, 0.018, 0.017, 0.015, 0.0135,
    ]
    static let dropoutValLoss = [
        0.078, 0.067, 0.064, 0.055, 0.052, 0.0511, 0.054, 0.053, 0.052, 0.0525,
        0.057, 0.056, 0.054, 0.057, 0.064, 0.057, 0.0565, 0.0605, 0.059, 0.0709,
    ]

    /// The blog's accuracy figure, with epochs counted from 1.
    static func accuracyChart(title: String = "Accuracy", labels: [String]? = nil) -> Chart {
        let names =
            labels ?? [
                "No Dropout Train Accuracy", "No Dropout Val Accuracy",
                "Dropout Train Accuracy", "Dropout Val Accuracy",
            ]
        let ys = [trainAccuracy, valAccuracy, dropoutTrainAccuracy, dropoutValAccuracy]
        return Chart(
            title: title,
            kind: .line(
                LineChart(
                    series: zip(names, ys).map { LineSeries(label: $0, epochs: $1) },
                    xLabel: "Epoch", yLabel: "Accuracy", integerX: true)))
    }

    /// The blog's loss figure, with epochs counted from 1.
    static func lossChart(title: String = "Loss", labels: [String]? = nil) -> Chart {
        let names =
            labels ?? ["No Dropout Train Loss", "No Dropout Val Loss", "Dropout Train Loss", "Dropout Val Loss"]
        let ys = [trainLoss, valLoss, dropoutTrainLoss, dropoutValLoss]
        return Chart(
            title: title,
            kind: .line(
                LineChart(
                    series: zip(names, ys).map { LineSeries(label: $0, epochs: $1) },
                    xLabel: "Epoch", yLabel: "Loss", integerX: true)))
    }
}
