import Foundation

/// Tick values for an axis view range.
///
/// Linear axes use matplotlib's `MaxNLocator` (the default `AutoLocator`): the smallest step
/// from {1, 2, 2.5, 5, 10} x 10^k at least (hi - lo) / maxBins, ticks at its multiples - the
/// "nice numbers" of Heckbert (Graphics Gems, 1990) with matplotlib's step set, so ticks match
/// the figures readers know. Integer axes drop 2.5 and steps below 1. Log axes tick decades,
/// adding 2x and 5x (then all of 1x-9x) when fewer than three decades are in view.
enum TickLocator {
    /// matplotlib's `nbins='auto'`: axis length in points / (3 font sizes) for x, / (2 font
    /// sizes) for y, clamped to 1...9.
    static func autoBins(lengthPx: Double, horizontal: Bool, style: Style) -> Int {
        let lengthPt = lengthPx / style.pt
        let n = Int((lengthPt / (style.fontSize * (horizontal ? 3 : 2))).rounded(.down))
        return min(max(n, 1), 9)
    }

    /// Ticks inside [lo, hi] for a linear axis with at most `maxBins` intervals across the view.
    ///
    /// A range that is not finite and increasing has no ticks (an axis without labels, never a trap):
    /// the check refuses such limits, and data that overflow to infinity still draw a page.
    static func linear(_ lo: Double, _ hi: Double, maxBins: Int, integer: Bool = false) -> [Double] {
        guard lo < hi, lo.isFinite, hi.isFinite, (hi - lo).isFinite else { return [] }
        let nbins = Double(max(maxBins, 1))
        let dv = hi - lo
        let mean = (hi + lo) / 2
        // matplotlib's scale_range: an offset only when the range is tiny next to the values.
        let offset = abs(mean) / dv < 100 ? 0 : (mean < 0 ? -1 : 1) * pow(10, floor(log10(abs(mean))))
        let scale = pow(10, floor(log10(dv / nbins)))
        var steps = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20].map { $0 * scale }
        if integer { steps = steps.filter { $0 < 1 || abs($0 - $0.rounded()) < 0.001 } }
        let vlo = lo - offset
        let vhi = hi - offset
        let raw = (vhi - vlo) / nbins
        let first = steps.firstIndex { $0 >= raw * (1 - 1e-12) } ?? steps.count - 1
        var result: [Double] = []
        for candidate in steps[...first].reversed() {
            var step = candidate
            if integer && floor(hi) - ceil(lo) >= 1 { step = max(1, step) }
            let best = floor(vlo / step) * step
            let low = edgeLE(vlo - best, step: step, offset: offset)
            let high = edgeGE(vhi - best, step: step, offset: offset)
            guard low <= high else { continue }
            let ticks = stride(from: low, through: high, by: 1).map { clean($0 * step + best + offset, step: step) }
            result = ticks.filter { $0 >= lo - step * 1e-9 && $0 <= hi + step * 1e-9 }
            if result.count >= 2 { break }
        }
        return result
    }

    /// Decade ticks (and 2x, 5x or all subdivisions for short ranges) inside [lo, hi].
    ///
    /// A range that is not positive, finite and increasing has no ticks: non-positive values have no
    /// place on a log axis (matplotlib masks them), and the axis is drawn without labels rather than trap.
    static func log(_ lo: Double, _ hi: Double, maxTicks: Int) -> [Double] {
        guard lo > 0, lo < hi, hi.isFinite else { return [] }
        let e0 = Int(floor(log10(lo) - 1e-9))
        let e1 = Int(ceil(log10(hi) + 1e-9))
        func within(_ v: Double) -> Bool { v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9) }
        for subs in [[1.0], [1.0, 2, 5], [1.0, 2, 3, 4, 5, 6, 7, 8, 9]] {
            let ticks = (e0...e1).flatMap { e in subs.map { $0 * pow(10, Double(e)) } }.filter(within)
            if ticks.count >= 3 || (ticks.count == 2 && subs.count == 9) {
                if ticks.count <= maxTicks || subs.count > 1 { return ticks }
                // Too many decades: every n-th one.
                let every = Int((Double(ticks.count) / Double(maxTicks)).rounded(.up))
                return ticks.filter { Int((log10($0)).rounded()) % every == 0 }
            }
        }
        return [lo, hi]
    }

    /// matplotlib's `_Edge_integer.le`: the number of whole steps at or below x, forgiving round-off.
    private static func edgeLE(_ x: Double, step: Double, offset: Double) -> Double {
        let d = floor(x / step)
        let m = x - d * step
        return abs(m / step - 1) < tolerance(step: step, offset: offset) ? d + 1 : d
    }

    /// matplotlib's `_Edge_integer.ge`.
    private static func edgeGE(_ x: Double, step: Double, offset: Double) -> Double {
        let d = floor(x / step)
        let m = x - d * step
        return abs(m / step) < tolerance(step: step, offset: offset) ? d : d + 1
    }

    private static func tolerance(step: Double, offset: Double) -> Double {
        offset > 0 ? max(1e-10, pow(10, log10(offset / step) - 12)) : 1e-10
    }

    /// Removes binary round-off (0.30000000000000004 -> 0.3) by rounding to the step's precision.
    static func clean(_ v: Double, step: Double) -> Double {
        let digits = max(0, TickFormatter.decimals(for: step)) + 2
        let f = pow(10, Double(digits))
        let r = (v * f).rounded() / f
        return r == 0 ? 0 : r
    }
}
