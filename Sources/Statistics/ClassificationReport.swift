/// scikit-learn's `classification_report` over integer labels and predictions.
///
/// Per class c with tp, fp, fn counted over the samples: precision = tp / (tp + fp), recall =
/// tp / (tp + fn), F1 = 2 p r / (p + r), support = tp + fn; a zero denominator gives 0 (sklearn's
/// `zero_division="warn"` value, without the warning). `accuracy` = correct / n; `macro` is the
/// unweighted mean of the per-class rows, `weighted` their mean weighted by support.
public struct ClassificationReport: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    /// One row per class, in class order.
    public let classes: [Row]
    public let accuracy: Double
    public let macro: Row
    public let weighted: Row

    /// The report of `predictions` against `labels` (same length) for classes 0 ..< `classCount`.
    public init(labels: [Int32], predictions: [Int32], classCount: Int) {
        precondition(labels.count == predictions.count, "one prediction per label")
        var tp = [Int](repeating: 0, count: classCount)
        var predicted = tp
        var actual = tp
        for (label, prediction) in zip(labels, predictions) {
            actual[Int(label)] += 1
            predicted[Int(prediction)] += 1
            if label == prediction { tp[Int(label)] += 1 }
        }
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        let rows = (0..<classCount).map { c in
            let p = ratio(tp[c], predicted[c])
            let r = ratio(tp[c], actual[c])
            return Row(precision: p, recall: r, f1: p + r == 0 ? 0 : 2 * p * r / (p + r), support: actual[c])
        }
        classes = rows
        let n = labels.count
        accuracy = ratio(tp.reduce(0, +), n)
        func mean(_ key: KeyPath<Row, Double>, weighted: Bool) -> Double {
            var sum = 0.0
            for row in rows { sum += row[keyPath: key] * (weighted ? Double(row.support) : 1) }
            return sum / Double(weighted ? max(n, 1) : max(classCount, 1))
        }
        macro = Row(
            precision: mean(\.precision, weighted: false), recall: mean(\.recall, weighted: false),
            f1: mean(\.f1, weighted: false), support: n)
        weighted = Row(
            precision: mean(\.precision, weighted: true), recall: mean(\.recall, weighted: true),
            f1: mean(\.f1, weighted: true), support: n)
    }
}
