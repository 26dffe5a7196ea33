import Foundation
import NotebookFormat
import Statistics

/// A claim's condition evaluated against the run: per seed (replicate i against replicate i)
/// unless written over aggregates (`mean(x)`), and the numbers that decided it.
///
/// A number node evaluates to one value per seed, or one value for all (a constant, an aggregate,
/// a value with one replicate, which is broadcast); a condition likewise to one truth per seed.
/// The claim holds when its condition holds in every seed.
struct ClaimEvaluation {
    let lookup: ValueLookup

    /// The outcome: whether it held, in how many seeds of how many, and the deciding numbers.
    struct Verdict: Equatable {
        var holds: Bool
        var heldIn: Int
        var seeds: Int
        /// `0.0962 > 1.25 × 0.0586 in 5 of 5 seeds` (means shown for replicated values).
        var detail: String
    }

    func verdict(_ claim: ClaimDecl) throws -> Verdict {
        let truths = try condition(claim.holds.root)
        let held = truths.filter { $0 }.count
        let numbers = try shown(claim.holds.root, parent: 0)
        let seeds = truths.count
        let detail = seeds > 1 ? "\(numbers) in \(held) of \(seeds) seeds" : numbers
        return Verdict(holds: held == seeds, heldIn: held, seeds: seeds, detail: detail)
    }

    // MARK: evaluation

    private func number(_ node: ClaimNode) throws -> [Double] {
        switch node {
        case .number(let x, _): return [x]
        case .path(let path): return try path.numbers(of: lookup.value(path))
        case .negate(let x, _): return try number(x).map { -$0 }
        case .arithmetic(let op, let l, let r, _):
            return try Self.broadcast(number(l), number(r)) { a, b in
                switch op {
                case .add: return a + b
                case .subtract: return a - b
                case .multiply: return a * b
                case .divide: return a / b
                }
            }
        case .call(let function, let x, _):
            let values = try number(x)
            let summary = Summary(values)
            switch function {
            case .abs: return values.map { Swift.abs($0) }
            case .mean: return [summary.mean]
            case .median: return [summary.median]
            case .min: return [summary.min]
            case .max: return [summary.max]
            case .sd: return [summary.sd]
            }
        case .not, .comparison, .logical:
            preconditionFailure("a condition passed the check where a number is needed")
        }
    }

    private func condition(_ node: ClaimNode) throws -> [Bool] {
        switch node {
        case .not(let x, _): return try condition(x).map { !$0 }
        case .logical(let op, let l, let r, _):
            return try Self.broadcast(condition(l), condition(r)) { op == .and ? $0 && $1 : $0 || $1 }
        case .comparison(let op, let l, let r, _):
            return try Self.broadcast(number(l), number(r)) { a, b in
                switch op {
                case .less: return a < b
                case .lessOrEqual: return a <= b
                case .greater: return a > b
                case .greaterOrEqual: return a >= b
                case .equal: return a == b
                case .notEqual: return a != b
                }
            }
        default:
            preconditionFailure("a number passed the check where a condition is needed")
        }
    }

    /// Combines two per-seed lists; a single value stands for every seed.
    static func broadcast<T, U>(_ a: [T], _ b: [T], _ f: (T, T) -> U) throws -> [U] {
        if a.count == 1 { return b.map { f(a[0], $0) } }
        if b.count == 1 { return a.map { f($0, b[0]) } }
        guard a.count == b.count else {
            throw RunnerFailure(
                message:
                    "a claim compares seed i with seed i, but one side has \(a.count) seeds and the other \(b.count)")
        }
        return zip(a, b).map(f)
    }

    // MARK: the deciding numbers

    /// The condition with every value replaced by its number (the mean over seeds when replicated),
    /// `*` written `×`; parentheses where the tree needs them.
    private func shown(_ node: ClaimNode, parent: Int) throws -> String {
        let level = Self.precedence(node)
        let text: String
        switch node {
        case .number(let x, _): text = Self.format(x)
        case .path(let path):
            let values = try path.numbers(of: lookup.value(path))
            text = Self.format(values.reduce(0, +) / Double(values.count))
        case .negate(let x, _): text = "−" + (try shown(x, parent: level))
        case .not(let x, _): text = "not " + (try shown(x, parent: level))
        case .call(let function, let x, _):
            text = "\(function.rawValue)(\(try shown(x, parent: 0)))"
        case .arithmetic(let op, let l, let r, _):
            let symbol = [.multiply: "×", .divide: "/", .add: "+", .subtract: "−"][op] ?? op.rawValue
            text = "\(try shown(l, parent: level)) \(symbol) \(try shown(r, parent: level + 1))"
        case .comparison(let op, let l, let r, _):
            let symbol = [.lessOrEqual: "≤", .greaterOrEqual: "≥", .notEqual: "≠", .equal: "="][op] ?? op.rawValue
            text = "\(try shown(l, parent: level + 1)) \(symbol) \(try shown(r, parent: level + 1))"
        case .logical(let op, let l, let r, _):
            text = "\(try shown(l, parent: level)) \(op.rawValue) \(try shown(r, parent: level))"
        }
        return level < parent ? "(\(text))" : text
    }

    /// Binding strength, loosest first: or, and, not, comparison, + −, × /, unary −, atoms.
    private static func precedence(_ node: ClaimNode) -> Int {
        switch node {
        case .logical(.or, _, _, _): return 1
        case .logical(.and, _, _, _): return 2
        case .not: return 3
        case .comparison: return 4
        case .arithmetic(.add, _, _, _), .arithmetic(.subtract, _, _, _): return 5
        case .arithmetic: return 6
        case .negate: return 7
        default: return 8
        }
    }

    /// Four significant digits: `0.09621`, `1.25`.
    static func format(_ x: Double) -> String {
        String(format: "%.4g", x)
    }
}
