/// Which weights compete for removal in magnitude pruning.
///
/// - `layer`: each kernel loses the same fraction of its own smallest-magnitude weights
///   (PyTorch `torch.nn.utils.prune.l1_unstructured` applied per layer).
/// - `global`: all kernels are pooled and the smallest-magnitude weights of the pool are removed,
///   so layers end with different sparsities (PyTorch `prune.global_unstructured`, L1).
public enum PruningScope: String, Sendable, CaseIterable, Codable {
    case global
    case layer
}
