import Vocabulary
import Yams

/// `metrics: [accuracy, SparseTopKCategoricalAccuracy(k=3)]`: Keras' metric names, the function
/// names as strings or dotted references, and the top-k metric classes as calls with `k`.
extension DirectiveDecoder {
    private static let metricPrefixes = ["keras.metrics", "tf.keras.metrics", "tensorflow.keras.metrics", "metrics"]
    /// The short name nbrun adds (Keras has no such string): the top-k accuracy of the loss's label
    /// kind, as Keras resolves `"accuracy"` from the loss.
    static let topKAlias = "top_k_accuracy"

    /// The metrics and the k of the top-k one (``MetricName/defaultTopK`` when none is given).
    func decodeMetrics(_ node: Node, loss: LossKind) -> (metrics: [MetricName], topK: Int) {
        guard let items = yaml.list(node, "metrics", single: true) else { return ([], MetricName.defaultTopK) }
        var metrics: [MetricName] = []
        var topK = MetricName.defaultTopK
        for item in items {
            guard let (metric, k) = decodeMetric(item, loss: loss) else { continue }
            if metrics.contains(metric) {
                diagnostics.error(
                    "`\(metric.rawValue)` is listed twice", at: yaml.span(item),
                    suggestion: "list each metric once: its history is recorded under one name")
            } else if metric.isTopK, let other = metrics.first(where: \.isTopK) {
                diagnostics.error(
                    "a train records one top-k accuracy, and `\(other.rawValue)` is already listed",
                    at: yaml.span(item), suggestion: "keep one of them; labels are class indices, so both agree")
            } else {
                metrics.append(metric)
                if let k { topK = k }
            }
        }
        return (metrics, topK)
    }

    /// One item: a name (`accuracy`, `"sparse_top_k_categorical_accuracy"`, `top_k_accuracy`,
    /// `keras.metrics.top_k_categorical_accuracy`) or a class call (`SparseTopKCategoricalAccuracy(k=3)`).
    private func decodeMetric(_ node: Node, loss: LossKind) -> (MetricName, k: Int?)? {
        guard case .scalar(let scalar) = node else {
            diagnostics.error(
                "a metric must be a name or a call, got `\(yaml.text(node))`", at: yaml.span(node),
                suggestion: "e.g. `metrics: [accuracy, SparseTopKCategoricalAccuracy(k=3)]`")
            return nil
        }
        if scalar.string.contains("(") { return metricCall(node) }
        var name = scalar.string
        for prefix in Self.metricPrefixes where name.hasPrefix(prefix + ".") {
            name = String(name.dropFirst(prefix.count + 1))
            break
        }
        if name == Self.topKAlias {
            return (loss == .categoricalCrossentropy ? .topKCategoricalAccuracy : .sparseTopKCategoricalAccuracy, nil)
        }
        if let metric = MetricName(rawValue: name) { return (metric, nil) }
        let classes = MetricName.allCases.compactMap(\.kerasClass)
        let known = MetricName.allCases.map(\.rawValue) + [Self.topKAlias]
        diagnostics.error(
            "unknown metric `\(scalar.string)`", at: yaml.span(node),
            suggestion: classes.contains(name)
                ? "a metric class is a call: `\(name)(k=5)`"
                : Spelling.suggestion(for: name, in: known)
                    ?? "nbrun records \(known.map { "`\($0)`" }.joined(separator: ", "))")
        return nil
    }

    /// `SparseTopKCategoricalAccuracy(k=3)` or `TopKCategoricalAccuracy(3)` (Keras' classes; `k`
    /// is their only argument nbrun takes: `name=` would rename the history key the notebook quotes).
    private func metricCall(_ node: Node) -> (MetricName, k: Int?)? {
        guard let body = scalarBody(node) else { return nil }
        var parser = PythonCallParser(
            body: body, diagnostics: diagnostics, prefixes: Self.metricPrefixes, noun: "metric",
            example: "SparseTopKCategoricalAccuracy(k=3)")
        let calls = parser.parseCalls()
        guard calls.count == 1, let call = calls.first else {
            if calls.count > 1 { diagnostics.error("one metric per list item", at: yaml.span(node)) }
            return nil
        }
        guard let metric = MetricName.allCases.first(where: { $0.kerasClass == call.name }) else {
            let classes = MetricName.allCases.compactMap(\.kerasClass)
            diagnostics.error(
                "unknown metric class `\(call.name)`", at: call.nameSpan,
                suggestion: Spelling.suggestion(for: call.name, in: classes)
                    ?? "nbrun records \(classes.map { "`\($0)(k=5)`" }.joined(separator: " and ")), or `accuracy`")
            return nil
        }
        var k: Int?
        for (index, argument) in call.arguments.enumerated() {
            let name = argument.keyword?.name ?? (index == 0 ? "k" : "")
            guard name == "k" else {
                diagnostics.error(
                    argument.keyword == nil
                        ? "`\(call.name)` takes one positional argument, `k`"
                        : "nbrun takes only `k` of `\(call.name)`, not `\(name)`",
                    at: argument.keyword?.span ?? argument.span,
                    suggestion: name == "name"
                        ? "the history records it under Keras' default name, `\(metric.rawValue)`" : nil)
                return nil
            }
            guard k == nil else {
                diagnostics.error("`\(call.name)` got two values for `k`", at: argument.span)
                return nil
            }
            guard case .int(let value) = argument.value, value >= 1 else {
                diagnostics.error(
                    "`\(call.name)` argument `k` must be a whole number >= 1, got `\(argument.value.python)`",
                    at: argument.span, suggestion: "e.g. `\(call.name)(k=5)`")
                return nil
            }
            k = value
        }
        return (metric, k ?? MetricName.defaultTopK)
    }

    /// The body with only the scalar `node` left, at its own line and columns, so that a Python
    /// call read from it reports spans in the notebook.
    func scalarBody(_ node: Node) -> BodyText? {
        guard case .scalar(let scalar) = node, let mark = node.mark else { return nil }
        var only = yaml.body
        let column = yaml.body.characterColumn(line: mark.line, scalarColumn: mark.column)
        for i in only.lines.indices {
            only.lines[i].text = i == mark.line - 1 ? String(repeating: " ", count: column - 1) + scalar.string : ""
        }
        return only
    }
}
