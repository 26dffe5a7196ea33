import Foundation

/// What a chart asks of one axis: its data extent and how to show it.
struct AxisRequest {
    var scale: AxisScale = .linear
    /// Extent of the data to show (already restricted to positive values on a log axis).
    var dataLo: Double
    var dataHi: Double
    /// Fixed view limits, overriding data and margins.
    var limits: ClosedRange<Double>?
    var integer = false
    var percent = false
    /// Keep a view edge exactly at 0 when the data reach 0 (bars and histograms stand on it).
    var stickyZero = false
    /// Category names at positions 0, 1, ..., n-1 instead of numeric ticks.
    var categories: [String]?
    var label: String?
}

/// A laid-out axis: view limits in data units, tick values and their labels.
struct Axis {
    var scale: AxisScale
    var lo: Double
    var hi: Double
    var ticks: [Double]
    var labels: [String]

    /// Position of `v` along the axis, 0 at `lo` and 1 at `hi` (log10 space on a log axis).
    func fraction(_ v: Double) -> Double {
        switch scale {
        case .linear: return (v - lo) / (hi - lo)
        case .log: return (Foundation.log10(v) - Foundation.log10(lo)) / (Foundation.log10(hi) - Foundation.log10(lo))
        }
    }

    /// Whether `v` can be placed on this axis (finite, and positive on a log axis).
    func accepts(_ v: Double) -> Bool { v.isFinite && (scale == .linear || v > 0) }
}

extension AxisRequest {
    /// View limits: the data extent widened by `margin` of its span on each side (in log10 space
    /// for a log axis), except a sticky zero edge; a zero span is widened to a visible one.
    func view(margin: Double) -> (Double, Double) {
        if let limits, limits.lowerBound < limits.upperBound, scale == .linear || limits.lowerBound > 0 {
            return (limits.lowerBound, limits.upperBound)
        }
        if let categories {
            let n = Double(max(categories.count, 1))
            let span = n - 1 + 0.8
            return (-0.4 - margin * span, n - 1 + 0.4 + margin * span)
        }
        switch scale {
        case .linear:
            var lo = dataLo
            var hi = dataHi
            if lo == hi {
                let d = integer ? 1 : (lo == 0 ? 1 : abs(lo) * 0.1)
                lo -= d
                hi += d
                return (lo, hi)
            }
            let span = hi - lo
            let newLo = stickyZero && lo == 0 ? 0 : lo - margin * span
            let newHi = stickyZero && hi == 0 ? 0 : hi + margin * span
            return (newLo, newHi)
        case .log:
            // Non-positive data has no place on a log axis: fall back to a decade that does.
            let safeHi = dataHi > 0 && dataHi.isFinite ? dataHi : 10
            let safeLo = dataLo > 0 && dataLo.isFinite ? min(dataLo, safeHi) : safeHi / 10
            var lo = log10(safeLo)
            var hi = log10(safeHi)
            if lo == hi {
                lo -= 1
                hi += 1
            }
            let span = hi - lo
            return (pow(10, lo - margin * span), pow(10, hi + margin * span))
        }
    }

    /// The axis with ticks for a plot side of `length` px, at most `bins` intervals.
    func axis(bins: Int, style: Style) -> Axis {
        let (lo, hi) = view(margin: style.margin)
        if let categories {
            return Axis(scale: .linear, lo: lo, hi: hi, ticks: categories.indices.map(Double.init), labels: categories)
        }
        switch scale {
        case .linear:
            let ticks = TickLocator.linear(lo, hi, maxBins: bins, integer: integer)
            return Axis(
                scale: .linear, lo: lo, hi: hi, ticks: ticks, labels: TickFormatter.linear(ticks, percent: percent))
        case .log:
            let ticks = TickLocator.log(lo, hi, maxTicks: bins + 1)
            return Axis(scale: .log, lo: lo, hi: hi, ticks: ticks, labels: TickFormatter.log(ticks))
        }
    }
}
