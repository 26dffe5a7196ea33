/// Magnitude pruning (Han et al. 2015, "Learning both Weights and Connections"): remove the weights
/// with the smallest absolute value.
///
/// For a sparsity s over n candidate weights, k = round(s n) weights are removed (Python's
/// `round`, half to even, as PyTorch's `_compute_nparams_toprune`). Candidates are ordered by
/// |w| ascending and, on equal magnitudes, by position (tensor, then index), so the result is
/// deterministic; PyTorch leaves ties to `topk`. Weights already zero count as the smallest.
/// - `.layer` scope: k_l = round(s n_l) per tensor (`prune.l1_unstructured` per layer).
/// - `.global` scope: k = round(s sum n_l) over all tensors pooled (`prune.global_unstructured`).
public enum MagnitudePruning {
    /// Masks removing a fraction `sparsity` (0...1) of the weights of tensors `prunable`
    /// (indices into `parameters`); other tensors get no mask.
    public static func masks(parameters: [[Float]], prunable: [Int], sparsity: Double, scope: PruningScope)
        -> PruningMasks
    {
        precondition(sparsity >= 0 && sparsity <= 1, "sparsity must be in [0, 1], got \(sparsity)")
        precondition(prunable.allSatisfy { parameters.indices.contains($0) }, "prunable tensor index out of range")
        var masks = [[Bool]?](repeating: nil, count: parameters.count)
        for index in prunable { masks[index] = [Bool](repeating: true, count: parameters[index].count) }
        switch scope {
        case .layer:
            for index in prunable {
                let count = parameters[index].count
                let k = removedCount(sparsity: sparsity, of: count)
                for position in smallest(k, in: [index], of: parameters) {
                    masks[position.tensor]![position.index] = false
                }
            }
        case .global:
            let total = prunable.reduce(0) { $0 + parameters[$1].count }
            let k = removedCount(sparsity: sparsity, of: total)
            for position in smallest(k, in: prunable, of: parameters) {
                masks[position.tensor]![position.index] = false
            }
        }
        return PruningMasks(masks: masks)
    }

    /// k = round(s n), half to even (Python `round`).
    public static func removedCount(sparsity: Double, of count: Int) -> Int {
        min(count, max(0, Int((sparsity * Double(count)).rounded(.toNearestOrEven))))
    }

    /// The magnitude below which weights go: the largest removed |w| (nil when nothing is removed).
    public static func threshold(parameters: [[Float]], masks: PruningMasks) -> Float? {
        var largest: Float?
        for (index, mask) in masks.masks.enumerated() {
            guard let mask else { continue }
            for i in mask.indices where !mask[i] {
                let m = abs(parameters[index][i])
                if largest == nil || m > largest! { largest = m }
            }
        }
        return largest
    }

    struct Position {
        let tensor: Int
        let index: Int
    }

    /// The `k` positions with the smallest |w| over `tensors`, ties by (tensor order, index).
    static func smallest(_ k: Int, in tensors: [Int], of parameters: [[Float]]) -> [Position] {
        guard k > 0 else { return [] }
        var positions: [(magnitude: Float, order: Int, position: Position)] = []
        positions.reserveCapacity(tensors.reduce(0) { $0 + parameters[$1].count })
        var order = 0
        for tensor in tensors {
            for (i, w) in parameters[tensor].enumerated() {
                positions.append((abs(w), order, Position(tensor: tensor, index: i)))
                order += 1
            }
        }
        positions.sort { $0.magnitude != $1.magnitude ? $0.magnitude < $1.magnitude : $0.order < $1.order }
        return positions.prefix(k).map(\.position)
    }
}
