/// A `histogram` directive: the distribution of a model's kernel weights before and after
/// pruning at one sparsity of a `prune` directive.
public struct HistogramDecl: Equatable, Sendable {
    /// A prune id.
    public var prune: String
    /// One of the prune's sparsities.
    public var sparsity: Double
    /// One kernel by layer name (`dense`, `conv2d`...); nil = all kernels together.
    public var layer: String?
    public var bins: Int = 80
    /// Include the pruned (zero) weights in the "after" series; default false.
    public var zeros: Bool = false
    public var title: String?
    public var xlabel: String?
    public var ylabel: String?
    /// "linear" or "log".
    public var yscale: String = "linear"
    /// Legend texts of the two series; nil = defaults in the notebook's language.
    public var labels: [String]?

    /// Where `sparsity:` and `layer:` are written, for the checker's messages.
    var sparsitySpan: Span?
    var layerSpan: Span?

    public init(prune: String, sparsity: Double) {
        self.prune = prune
        self.sparsity = sparsity
    }
}
