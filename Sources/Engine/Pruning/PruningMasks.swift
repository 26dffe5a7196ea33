/// Keep-masks for a model's weight tensors: `true` keeps a weight, `false` holds it at zero.
///
/// One entry per tensor of `Model.parameters` (same order); `nil` marks a tensor that is not
/// pruned (biases, BatchNormalization statistics), as PyTorch and TF-MOT prune kernels only.
public struct PruningMasks: Equatable, Sendable {
    public var masks: [[Bool]?]

    public init(masks: [[Bool]?]) { self.masks = masks }

    /// Masks that keep everything of the given tensors (nil elsewhere).
    public static func keepAll(shapes counts: [Int], prunable: [Int]) -> PruningMasks {
        PruningMasks(
            masks: counts.indices.map { prunable.contains($0) ? [Bool](repeating: true, count: counts[$0]) : nil })
    }

    /// Indices of the tensors that have a mask.
    public var prunableIndices: [Int] { masks.indices.filter { masks[$0] != nil } }

    /// Kept (unmasked) weights per tensor; nil for tensors without a mask.
    public var keptCounts: [Int?] { masks.map { $0.map { $0.reduce(0) { $0 + ($1 ? 1 : 0) } } } }

    /// Fraction of masked weights over all masked tensors together.
    public var sparsity: Double {
        var total = 0
        var kept = 0
        for mask in masks.compactMap({ $0 }) {
            total += mask.count
            kept += mask.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        return total == 0 ? 0 : Double(total - kept) / Double(total)
    }

    /// Sets every masked-out weight to zero (exactly +0).
    public func apply(to parameters: inout [[Float]]) {
        precondition(parameters.count == masks.count, "expected \(masks.count) tensors, got \(parameters.count)")
        for (index, mask) in masks.enumerated() {
            guard let mask else { continue }
            precondition(
                mask.count == parameters[index].count,
                "mask \(index) has \(mask.count) entries for \(parameters[index].count) weights")
            for i in mask.indices where !mask[i] { parameters[index][i] = 0 }
        }
    }

    /// `parameters` with every masked-out weight set to zero.
    public func applied(to parameters: [[Float]]) -> [[Float]] {
        var copy = parameters
        apply(to: &copy)
        return copy
    }
}
