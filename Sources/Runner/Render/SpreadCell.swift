import Statistics

/// A table cell over seeds: the value alone when there is one seed or every seed gives the same,
/// else `mean ± sd` (sd divides by n − 1) with both in the cell's format: `98.71 ± 0.08%`,
/// `12.3 ± 0.4 kB`.
enum SpreadCell {
    /// `values` one per seed; `format` prints one number; `suffix` ends the cell (`%`, ` kB`).
    static func text(_ values: [Double], suffix: String = "", _ format: (Double) -> String) -> String {
        precondition(!values.isEmpty, "a cell needs at least one seed")
        guard values.contains(where: { $0 != values[0] }) else { return format(values[0]) + suffix }
        let summary = Summary(values)
        return "\(format(summary.mean)) ± \(format(summary.sd))\(suffix)"
    }

    /// Fractions as percentages with `digits` decimals: `98.71 ± 0.08%`.
    static func percent(_ values: [Double], digits: Int = 2) -> String {
        text(values, suffix: "%") { String(format: "%.\(digits)f", $0 * 100) }
    }

    /// Numbers with `digits` decimals.
    static func fixed(_ values: [Double], digits: Int) -> String {
        text(values) { String(format: "%.\(digits)f", $0) }
    }
}
