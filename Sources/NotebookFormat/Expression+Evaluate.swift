import Foundation

extension Expression {
    /// Looks the path up, applies the accessors in order, then the filters.
    ///
    /// Without a formatting filter an integer prints as is and a number with 7 significant
    /// digits, trailing zeros dropped (R's and knitr's default for inline numbers).
    /// `percent(d)`: 100·x with d decimals and `%`; `fixed(d)`: d decimals; `thousands`:
    /// rounded to an integer, digits grouped by `,`; `int`: rounded half away from zero.
    public func evaluate(_ lookup: (_ path: ValuePath) throws -> Value) throws -> RenderedValue {
        let value = try lookup(path)
        if case .replicates(let replicates) = value {
            let numbers = try replicates.map { try Expression.number(of: picked($0), path: path.dotted) }
            return try combine(numbers)
        }
        let one = try picked(value)
        if case .text(let t) = one {
            if filters.isEmpty { return RenderedValue(number: nil, text: t) }
            throw ExpressionError("`\(source)`: filters need a number, `\(path.dotted)` is text")
        }
        let (x, integer) = try Expression.number(of: one, path: path.dotted)
        if let first = filters.first, first.combinesSeeds { return try combine([(x, integer)]) }
        return format(x, integer: integer, filters: filters)
    }

    /// The value after the path's accessors.
    func picked(_ value: Value) throws -> Value {
        var value = value
        for accessor in path.accessors {
            value = try Expression.apply(accessor, to: value, path: path.dotted)
        }
        return value
    }

    /// A number (and whether it is an integer) from a picked value.
    static func number(of value: Value, path: String) throws -> (Double, Bool) {
        switch value {
        case .integer(let i): return (Double(i), true)
        case .number(let d): return (d, false)
        case .text: throw ExpressionError("`\(path)` is text, not a number")
        case .series:
            throw ExpressionError("`\(path)` is a series; pick one value with .last, .min, .argmin, [i], ...")
        case .replicates: preconditionFailure("replicates nest only one level deep")
        }
    }

    /// Applies `filters` (none of which combines seeds) to one number.
    func format(_ x: Double, integer: Bool, filters: ArraySlice<FilterCall>) -> RenderedValue {
        var number = x
        var integer = integer
        var text: String?
        for filter in filters {
            let digits = Int(filter.arguments.first ?? 0)
            switch filter.name {
            case "int":
                number = number.rounded(.toNearestOrAwayFromZero)
                integer = true
            case "percent": text = String(format: "%.\(digits)f%%", number * 100)
            case "fixed": text = String(format: "%.\(digits)f", number)
            case "thousands": text = Expression.grouped(number.rounded(.toNearestOrAwayFromZero))
            case "pvalue": text = Expression.pValue(number)
            default: preconditionFailure("filter `\(filter.name)` passed the check but is not a formatting filter")
            }
        }
        if let text { return RenderedValue(number: number, text: text) }
        if integer, abs(number) < 9e15 { return RenderedValue(number: number, text: String(Int(number))) }
        return RenderedValue(number: number, text: Expression.significant(number))
    }

    func format(_ x: Double, integer: Bool, filters: [FilterCall]) -> RenderedValue {
        format(x, integer: integer, filters: filters[...])
    }

    /// `p < 0.001` below one in a thousand, else `p = ` with three decimals (APA style).
    public static func pValue(_ p: Double) -> String {
        p < 0.001 ? "p < 0.001" : String(format: "p = %.3f", p)
    }

    static func apply(_ accessor: Accessor, to value: Value, path: String) throws -> Value {
        guard case .series(let s) = value else {
            throw ExpressionError("`\(path)` is a single value, not a series; `\(accessor.spelling)` needs a series")
        }
        guard !s.isEmpty else { throw ExpressionError("`\(path)` is an empty series") }
        switch accessor {
        case .first: return .number(s[0])
        case .last: return .number(s[s.count - 1])
        case .min: return .number(s.min()!)
        case .max: return .number(s.max()!)
        // min(by:)/max(by:) keep the first of equal elements, like NumPy's argmin/argmax.
        case .argmin: return .integer(s.indices.min(by: { s[$0] < s[$1] })! + 1)
        case .argmax: return .integer(s.indices.max(by: { s[$0] < s[$1] })! + 1)
        case .index(let i):
            let k = i > 0 ? i - 1 : s.count + i
            guard k >= 0, k < s.count else {
                throw ExpressionError(
                    "`\(path)[\(i)]` is out of range: the series has \(s.count) values (1...\(s.count))")
            }
            return .number(s[k])
        }
    }

    /// 7 significant digits, no exponent for 1e-5 <= |x| < 1e15, trailing zeros removed.
    static func significant(_ x: Double) -> String {
        if x == 0 { return "0" }
        if !x.isFinite { return "\(x)" }
        let magnitude = Int(floor(log10(abs(x))))
        if magnitude < -5 || magnitude >= 15 { return String(format: "%.7g", x) }
        let decimals = max(0, 6 - magnitude)
        var s = String(format: "%.\(decimals)f", x)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }

    /// `693962` → `693,962`.
    static func grouped(_ x: Double) -> String {
        let digits = String(format: "%.0f", abs(x))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (x < 0 && out != "0" ? "-" : "") + out
    }
}

extension Accessor {
    /// As written: `.last`, `[3]`.
    var spelling: String {
        switch self {
        case .first: return ".first"
        case .last: return ".last"
        case .min: return ".min"
        case .max: return ".max"
        case .argmin: return ".argmin"
        case .argmax: return ".argmax"
        case .index(let i): return "[\(i)]"
        }
    }
}
