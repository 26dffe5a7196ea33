import Foundation

/// Tick labels: one number of decimals for all ticks of an axis (0.0, 2.5, 5.0 like matplotlib's
/// ScalarFormatter), a true minus sign (U+2212), "k"/"M" for large counts, percentages on
/// request, and 10 with a superscript exponent on log axes outside 0.001...10000.
enum TickFormatter {
    static let minus = "\u{2212}"

    /// The fewest decimals that write `step` exactly (2.5 -> 1, 0.05 -> 2, 20 -> 0).
    static func decimals(for step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        for d in 0...12 {
            let s = step * pow(10, Double(d))
            if abs(s - s.rounded()) < 1e-6 * max(1, s) { return d }
        }
        return 12
    }

    static func linear(_ ticks: [Double], percent: Bool = false) -> [String] {
        guard !ticks.isEmpty else { return [] }
        let step = ticks.count > 1 ? zip(ticks.dropFirst(), ticks).map { $0 - $1 }.min()! : max(abs(ticks[0]), 1)
        if percent {
            let d = max(0, decimals(for: step * 100))
            return ticks.map { number($0 * 100, decimals: d) + "%" }
        }
        let biggest = ticks.map(abs).max()!
        if biggest >= 1e7 { return scaled(ticks, by: 1e6, suffix: "M", step: step) }
        if biggest >= 1e5 { return scaled(ticks, by: 1e3, suffix: "k", step: step) }
        if biggest > 0 && biggest < 1e-3 { return ticks.map { scientific($0) } }
        let d = decimals(for: step)
        return ticks.map { number($0, decimals: d) }
    }

    /// Plain numbers when every tick lies in 0.001...9999, else all as powers of ten.
    static func log(_ ticks: [Double]) -> [String] {
        if ticks.allSatisfy({ $0 >= 1e-3 && $0 < 1e4 }) {
            return ticks.map { number($0, decimals: max(0, decimals(for: $0))) }
        }
        return ticks.map(scientific)
    }

    /// "1×10⁻⁴", "2.5×10⁶", or "10⁻⁴" for a mantissa of 1.
    static func scientific(_ v: Double) -> String {
        if v == 0 { return "0" }
        let e = Int(floor(log10(abs(v)) + 1e-9))
        let m = v / pow(10, Double(e))
        let power = "10" + superscript(e)
        if abs(abs(m) - 1) < 1e-9 { return (m < 0 ? minus : "") + power }
        return number(m, decimals: decimals(for: (abs(m) * 100).rounded() / 100)) + "×" + power
    }

    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(String(abs(n)).map { digits[Int(String($0))!] })
        return (n < 0 ? "⁻" : "") + body
    }

    static func number(_ v: Double, decimals d: Int) -> String {
        var s = String(format: "%.\(d)f", v)
        if s.hasPrefix("-") {
            let digits = s.dropFirst()
            s = digits.allSatisfy { $0 == "0" || $0 == "." } ? String(digits) : minus + digits
        }
        return s
    }

    private static func scaled(_ ticks: [Double], by f: Double, suffix: String, step: Double) -> [String] {
        let d = decimals(for: step / f)
        return ticks.map { $0 == 0 ? "0" : number($0 / f, decimals: d) + suffix }
    }
}
