/// The parsed `holds:` of a claim: `no_dropout.history.val_loss.last > 1.25 * no_dropout.history.val_loss.min`.
///
/// Grammar (loosest first; `ClaimParser`):
///
///     or         := and ('or' and)*
///     and        := not ('and' not)*
///     not        := 'not' not | comparison
///     comparison := sum (('<' | '<=' | '>' | '>=' | '==' | '!=') sum)?      no chains: a < b < c
///     sum        := product (('+' | '-') product)*
///     product    := unary (('*' | '/') unary)*
///     unary      := '-' unary | primary
///     primary    := number | path | function '(' or ')' | '(' or ')'
///     function   := 'abs' | 'mean' | 'median' | 'min' | 'max' | 'sd'
///
/// `path` is the value path of `{{ }}` expressions (root, optional replicate `[i]`, members,
/// accessors) without filters. Every node is typed (number or condition) when parsed, and the
/// whole expression must be a condition.
public struct ClaimExpression: Equatable, Sendable {
    /// The expression tree.
    public let root: ClaimNode
    /// The expression as written, trimmed.
    public let source: String

    public init(root: ClaimNode, source: String) {
        self.root = root
        self.source = source
    }

    /// Every value path, in reading order (for the checker and the runner's lookups).
    public var paths: [ValuePath] { root.paths }
}

/// One node of a claim expression; `location` is where its text starts (for binary operators,
/// where the operator is).
public indirect enum ClaimNode: Equatable, Sendable {
    case number(Double, location: SourceLocation)
    case path(ValuePath)
    /// `-x`.
    case negate(ClaimNode, location: SourceLocation)
    /// `not c`.
    case not(ClaimNode, location: SourceLocation)
    case arithmetic(ArithmeticOperator, ClaimNode, ClaimNode, location: SourceLocation)
    case comparison(ComparisonOperator, ClaimNode, ClaimNode, location: SourceLocation)
    case logical(LogicalOperator, ClaimNode, ClaimNode, location: SourceLocation)
    /// `abs(x)`, or an aggregate over seeds such as `mean(x)`.
    case call(ClaimFunction, ClaimNode, location: SourceLocation)

    /// The value paths below this node, in reading order.
    public var paths: [ValuePath] {
        switch self {
        case .number: return []
        case .path(let p): return [p]
        case .negate(let x, _), .not(let x, _), .call(_, let x, _): return x.paths
        case .arithmetic(_, let l, let r, _), .comparison(_, let l, let r, _), .logical(_, let l, let r, _):
            return l.paths + r.paths
        }
    }

    /// Whether the node is a condition (true or false) rather than a number.
    public var isCondition: Bool {
        switch self {
        case .not, .comparison, .logical: return true
        default: return false
        }
    }
}

/// `+ - * /`.
public enum ArithmeticOperator: String, Equatable, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
}

/// `< <= > >= == !=`.
public enum ComparisonOperator: String, Equatable, Sendable, CaseIterable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case equal = "=="
    case notEqual = "!="
}

/// `and`, `or`.
public enum LogicalOperator: String, Equatable, Sendable, CaseIterable {
    case and, or
}

/// The functions of claim expressions.
public enum ClaimFunction: String, Equatable, Sendable, CaseIterable {
    /// |x|, per seed.
    case abs
    /// Over seeds: a replicated value becomes one number (mean, median, min, max, sample sd).
    case mean, median, min, max, sd

    /// True for the functions that combine the seeds of a replicated value.
    public var aggregatesSeeds: Bool { self != .abs }
}
