extension Model {
    /// Indices into `parameters` of the tensors pruning removes weights from: the kernels of Dense
    /// and Conv2D layers (not biases or BatchNormalization tensors, as PyTorch and TF-MOT).
    public var prunableParameterIndices: [Int] {
        parameterNames.enumerated().filter { $0.element.hasSuffix("/kernel") }.map(\.offset)
    }

    /// Keras layer names of the prunable kernels, e.g. ["conv2d", "dense", "dense_1"].
    public var prunableLayerNames: [String] {
        let names = parameterNames
        return prunableParameterIndices.map { String(names[$0].dropLast("/kernel".count)) }
    }

    /// Magnitude-pruning masks for the current weights (see `MagnitudePruning`).
    public func magnitudeMasks(sparsity: Double, scope: PruningScope) -> PruningMasks {
        MagnitudePruning.masks(
            parameters: parameters, prunable: prunableParameterIndices, sparsity: sparsity, scope: scope)
    }

    /// Sets every masked-out weight of the model to zero.
    public func applyMasks(_ masks: PruningMasks) {
        MaskApplier(masks: masks, parameters: network.parameters).apply()
    }
}

/// Zeroes masked-out weights in place after each optimizer step: w = w AND bits(mask), with the
/// mask held as all-ones / all-zeros 32-bit words so that kept weights keep their exact bits and
/// removed ones become +0.
final class MaskApplier {
    private var targets: [(parameter: Parameter, bits: [UInt32])] = []

    init(masks: PruningMasks, parameters: [Parameter]) {
        precondition(
            masks.masks.count == parameters.count, "expected \(parameters.count) masks, got \(masks.masks.count)")
        for (mask, parameter) in zip(masks.masks, parameters) {
            guard let mask else { continue }
            precondition(
                mask.count == parameter.count,
                "mask of \(parameter.name) has \(mask.count) entries for \(parameter.count) weights")
            targets.append((parameter, mask.map { $0 ? UInt32.max : 0 }))
        }
    }

    func apply() {
        for target in targets {
            let count = target.parameter.count
            target.parameter.value.pointer.withMemoryRebound(to: UInt32.self, capacity: count) { w in
                target.bits.withUnsafeBufferPointer { m in
                    for i in 0..<count { w[i] &= m[i] }
                }
            }
        }
    }
}
