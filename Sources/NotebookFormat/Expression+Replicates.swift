import Foundation
import Statistics

extension Expression {
    /// Prints one number per seed through the filter that combines them (the first filter).
    ///
    /// `mean`, `median`, `sd` (n − 1), `min`, `max`, `ci95` (t₀.₉₇₅,ₙ₋₁ · sd/√n) and `count`
    /// give one number for the formatting filters after them; `pm(d)` prints mean ± sd with d
    /// decimals, `pm_percent(d)` the same × 100 with `%`, `values(d)` every seed's value.
    func combine(_ numbers: [(Double, Bool)]) throws -> RenderedValue {
        guard let filter = filters.first, filter.combinesSeeds else {
            throw ExpressionError(
                "`\(path.dotted)` has \(numbers.count) seeds: say `mean`, `pm(4)`, `values`, ... to print it")
        }
        let summary = Summary(numbers.map(\.0))
        let rest = filters.dropFirst()
        let digits = filter.arguments.first.map { Int($0) }
        switch filter.name {
        case "mean": return format(summary.mean, integer: false, filters: rest)
        case "median": return format(summary.median, integer: false, filters: rest)
        case "sd": return format(summary.sd, integer: false, filters: rest)
        case "min": return format(summary.min, integer: numbers.allSatisfy(\.1), filters: rest)
        case "max": return format(summary.max, integer: numbers.allSatisfy(\.1), filters: rest)
        case "ci95": return format(summary.ci95, integer: false, filters: rest)
        case "count": return format(Double(numbers.count), integer: true, filters: rest)
        case "pm" where numbers.count == 1, "pm_percent" where numbers.count == 1:
            // One seed has no spread: its value alone, formatted as `fixed(d)` / `percent(d)` would.
            let d = digits ?? (filter.name == "pm" ? 4 : 0)
            let x = numbers[0].0
            let text = filter.name == "pm" ? String(format: "%.\(d)f", x) : String(format: "%.\(d)f%%", x * 100)
            return RenderedValue(number: x, text: text)
        case "pm":
            let d = digits ?? 4
            return RenderedValue(
                number: summary.mean, text: String(format: "%.\(d)f ± %.\(d)f", summary.mean, summary.sd))
        case "pm_percent":
            let d = digits ?? 0
            return RenderedValue(
                number: summary.mean,
                text: String(format: "%.\(d)f ± %.\(d)f%%", summary.mean * 100, summary.sd * 100))
        case "values":
            let texts = numbers.map { x, integer in
                digits.map { String(format: "%.\($0)f", x) }
                    ?? format(x, integer: integer, filters: []).text
            }
            return RenderedValue(number: summary.mean, text: texts.joined(separator: ", "))
        default:
            preconditionFailure("`\(filter.name)` is not a filter over seeds")
        }
    }
}

extension ValuePath {
    /// One number per seed: the path's accessors applied to each replicate of `value` (a single
    /// value gives one number).
    public func numbers(of value: Value) throws -> [Double] {
        let values: [Value]
        if case .replicates(let r) = value { values = r } else { values = [value] }
        return try values.map { v in
            var v = v
            for accessor in accessors { v = try Expression.apply(accessor, to: v, path: dotted) }
            return try Expression.number(of: v, path: dotted).0
        }
    }
}
