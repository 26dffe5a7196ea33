extension Optimizer {
    /// The moments of every trainable tensor, as arrays (for a ``FitCheckpoint``).
    var moments: (first: [[Float]], second: [[Float]]) {
        (
            zip(parameters, first).map { $1.array(count: $0.count) },
            zip(parameters, second).map { $1.array(count: $0.count) }
        )
    }

    /// Element counts of the trainable tensors, in the moments' order.
    var tensorCounts: [Int] { parameters.map(\.count) }

    /// Sets the step count and moments saved by `moments` (sizes checked by the caller).
    func restore(steps: Int, first firstValues: [[Float]], second secondValues: [[Float]]) {
        iterations = steps
        for (buffer, values) in zip(first, firstValues) { buffer.copy(from: values) }
        for (buffer, values) in zip(second, secondValues) { buffer.copy(from: values) }
    }
}
