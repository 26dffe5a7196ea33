import Yams

/// Ranges of display options, checked at their line so that drawing never meets a value it cannot lay out.
extension DirectiveDecoder {
    /// Most columns a `samples` or `misclassified` grid may have.
    static let maxColumns = 64
    /// Most images a `samples` or `misclassified` figure may show.
    static let maxImages = 1024

    /// `xlim` / `ylim`: low below high, and both positive on a log scale.
    func checkLimits(_ node: Node?, _ limits: [Double]?, scale: String, axis: String) {
        guard let node, let limits, limits.count == 2 else { return }
        let name = "\(axis)lim"
        if !limits.allSatisfy(\.isFinite) {
            diagnostics.error(
                "`\(name)` must be two finite numbers, got `[\(limits[0]), \(limits[1])]`", at: yaml.span(node),
                suggestion: "e.g. `\(name): [0, 1]`")
        } else if limits[0] >= limits[1] {
            diagnostics.error(
                "`\(name)` must be `[low, high]` with low below high, got `[\(limits[0]), \(limits[1])]`",
                at: yaml.span(node), suggestion: "write `\(name): [\(limits[1]), \(limits[0])]`")
        } else if scale == "log", limits[0] <= 0 {
            diagnostics.error(
                "`\(name)` must be positive on a log scale (`\(axis)scale: log`), got `[\(limits[0]), \(limits[1])]`",
                at: yaml.span(node), suggestion: "start the range above zero, or use `\(axis)scale: linear`")
        }
    }
}
