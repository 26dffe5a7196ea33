import Foundation

/// Parses a claim's `holds:` text into a `ClaimExpression` (grammar on `ClaimExpression`), typing
/// every node as a number or a condition. Value paths are read by `ExpressionParser.parsePath`, so
/// claims and `{{ }}` expressions share one path grammar.
struct ClaimParser {
    typealias Failure = ExpressionParser.Failure

    /// A parsed node and the character range of its text.
    private struct Parsed {
        var node: ClaimNode
        var start: Int
        var end: Int
    }

    private var cursor: ExpressionParser
    private let locate: (Int) -> SourceLocation

    private init(_ text: String, locate: @escaping (Int) -> SourceLocation) {
        cursor = ExpressionParser(text)
        self.locate = locate
    }

    /// Parses `text`; `locate` maps a character offset in `text` to its source location.
    static func parse(_ text: String, locate: @escaping (Int) -> SourceLocation) throws -> ClaimExpression {
        var p = ClaimParser(text, locate: locate)
        p.cursor.skipSpaces()
        guard !p.atEnd else {
            throw Failure(
                message: "`holds:` is empty", offset: 0, length: 1,
                suggestion: "write a condition such as `a.accuracy > b.accuracy`")
        }
        let parsed = try p.or()
        p.cursor.skipSpaces()
        if !p.atEnd { throw p.unexpected() }
        guard parsed.node.isCondition else {
            throw Failure(
                message: "`holds:` must be a condition, but `\(p.text(parsed))` is a number",
                offset: parsed.start, length: parsed.end - parsed.start,
                suggestion: "compare it with something, e.g. `\(p.text(parsed)) > 0`")
        }
        return ClaimExpression(root: parsed.node, source: text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    // MARK: - Grammar, loosest first

    private mutating func or() throws -> Parsed {
        var left = try and()
        while let at = keyword("or") {
            let right = try and()
            try requireConditions(left, right, "or", at: at)
            left = Parsed(
                node: .logical(.or, left.node, right.node, location: locate(at)), start: left.start, end: right.end)
        }
        return left
    }

    private mutating func and() throws -> Parsed {
        var left = try not()
        while let at = keyword("and") {
            let right = try not()
            try requireConditions(left, right, "and", at: at)
            left = Parsed(
                node: .logical(.and, left.node, right.node, location: locate(at)), start: left.start, end: right.end)
        }
        return left
    }

    private mutating func not() throws -> Parsed {
        guard let at = keyword("not") else { return try comparison() }
        let operand = try not()
        guard operand.node.isCondition else {
            throw Failure(
                message: "`not` needs a condition, but `\(text(operand))` is a number", offset: operand.start,
                length: operand.end - operand.start, suggestion: nil)
        }
        return Parsed(node: .not(operand.node, location: locate(at)), start: at, end: operand.end)
    }

    private mutating func comparison() throws -> Parsed {
        let left = try sum()
        guard let (op, at) = comparisonOperator() else { return left }
        let right = try sum()
        for side in [left, right] where side.node.isCondition {
            throw Failure(
                message: "`\(op.rawValue)` compares numbers, but `\(text(side))` is a condition", offset: side.start,
                length: side.end - side.start, suggestion: "join conditions with `and` or `or`")
        }
        if let (next, nextAt) = comparisonOperator() {
            throw Failure(
                message: "comparisons cannot be chained", offset: nextAt, length: next.rawValue.count,
                suggestion: "join two comparisons with `and`: `a \(op.rawValue) b and b \(next.rawValue) c`")
        }
        return Parsed(
            node: .comparison(op, left.node, right.node, location: locate(at)), start: left.start, end: right.end)
    }

    private mutating func sum() throws -> Parsed {
        var left = try product()
        while let (op, at) = arithmeticOperator(["+", "-"]) {
            let right = try product()
            try requireNumbers(left, right, op, at: at)
            left = Parsed(
                node: .arithmetic(op, left.node, right.node, location: locate(at)), start: left.start, end: right.end)
        }
        return left
    }

    private mutating func product() throws -> Parsed {
        var left = try unary()
        while let (op, at) = arithmeticOperator(["*", "/"]) {
            let right = try unary()
            try requireNumbers(left, right, op, at: at)
            left = Parsed(
                node: .arithmetic(op, left.node, right.node, location: locate(at)), start: left.start, end: right.end)
        }
        return left
    }

    private mutating func unary() throws -> Parsed {
        cursor.skipSpaces()
        guard !atEnd, current == "-" else { return try primary() }
        let at = cursor.pos
        cursor.pos += 1
        let operand = try unary()
        if operand.node.isCondition {
            throw Failure(
                message: "`-` needs a number, but `\(text(operand))` is a condition", offset: operand.start,
                length: operand.end - operand.start, suggestion: "use `not` to negate a condition")
        }
        return Parsed(node: .negate(operand.node, location: locate(at)), start: at, end: operand.end)
    }

    private mutating func primary() throws -> Parsed {
        cursor.skipSpaces()
        guard !atEnd else {
            throw Failure(
                message: "the condition ends too early: a value is missing", offset: max(0, cursor.chars.count - 1),
                length: 1, suggestion: nil)
        }
        let start = cursor.pos
        if current == "(" {
            cursor.pos += 1
            let inner = try or()
            cursor.skipSpaces()
            guard !atEnd, current == ")" else {
                throw Failure(
                    message: "`(` is never closed", offset: start, length: 1,
                    suggestion: "add `)` after `\(text(inner))`")
            }
            cursor.pos += 1
            return Parsed(node: inner.node, start: start, end: cursor.pos)
        }
        if current.isASCII, current.isNumber || current == "." { return try number() }
        guard current.isIdentifierStart else { throw unexpected() }
        let saved = cursor.pos
        let name = cursor.identifier()!
        if ["and", "or", "not"].contains(name) {
            throw Failure(
                message: "expected a value before `\(name)`", offset: saved, length: name.count, suggestion: nil)
        }
        var afterName = cursor.pos
        while afterName < cursor.chars.count, cursor.chars[afterName] == " " { afterName += 1 }
        if afterName < cursor.chars.count, cursor.chars[afterName] == "(" {
            cursor.pos = afterName
            return try call(name, start: saved)
        }
        cursor.pos = saved
        let path = try cursor.parsePath(locate: locate)
        return Parsed(node: .path(path), start: saved, end: cursor.pos)
    }

    /// `name(argument)` at `(`.
    private mutating func call(_ name: String, start: Int) throws -> Parsed {
        guard let function = ClaimFunction(rawValue: name) else {
            let names = ClaimFunction.allCases.map(\.rawValue)
            throw Failure(
                message: "unknown function `\(name)`", offset: start, length: name.count,
                suggestion: Spelling.suggestion(for: name, in: names)
                    ?? "functions are \(names.map { "`\($0)`" }.joined(separator: ", "))")
        }
        let open = cursor.pos
        cursor.pos += 1
        cursor.skipSpaces()
        if !atEnd, current == ")" {
            throw Failure(
                message: "`\(name)` needs one value, e.g. `\(name)(no_dropout_test.accuracy)`", offset: open,
                length: 2, suggestion: nil)
        }
        let argument = try or()
        cursor.skipSpaces()
        if !atEnd, current == "," {
            throw Failure(
                message: "`\(name)` takes one value", offset: cursor.pos, length: 1,
                suggestion: function.aggregatesSeeds ? "it combines the seeds of one replicated value" : nil)
        }
        guard !atEnd, current == ")" else {
            throw Failure(message: "`\(name)(` is never closed", offset: open, length: 1, suggestion: nil)
        }
        cursor.pos += 1
        if argument.node.isCondition {
            throw Failure(
                message: "`\(name)` needs a number, but `\(text(argument))` is a condition", offset: argument.start,
                length: argument.end - argument.start, suggestion: nil)
        }
        if function.aggregatesSeeds, let inner = Self.aggregate(in: argument.node) {
            throw Failure(
                message:
                    "`\(name)` of `\(inner.rawValue)(...)`: `\(inner.rawValue)` already combined the seeds into one number",
                offset: argument.start, length: argument.end - argument.start, suggestion: "keep one of them")
        }
        return Parsed(node: .call(function, argument.node, location: locate(start)), start: start, end: cursor.pos)
    }

    /// A number literal: `12`, `0.5`, `.5`, `1e-3`, `2.5E+2`.
    private mutating func number() throws -> Parsed {
        let start = cursor.pos
        let chars = cursor.chars
        var end = start
        while end < chars.count, chars[end].isASCII, chars[end].isNumber || chars[end] == "." { end += 1 }
        if end < chars.count, chars[end] == "e" || chars[end] == "E" {
            var k = end + 1
            if k < chars.count, chars[k] == "+" || chars[k] == "-" { k += 1 }
            if k < chars.count, chars[k].isASCII, chars[k].isNumber {
                end = k
                while end < chars.count, chars[end].isASCII, chars[end].isNumber { end += 1 }
            }
        }
        let literal = String(chars[start..<end])
        guard let value = Double(literal), value.isFinite else {
            throw Failure(message: "`\(literal)` is not a number", offset: start, length: end - start, suggestion: nil)
        }
        if end < chars.count, chars[end].isIdentifierStart {
            throw Failure(
                message: "a number cannot run into a name: `\(literal)\(chars[end])`", offset: start,
                length: end - start + 1, suggestion: "multiply with `*`, e.g. `\(literal) * x`")
        }
        cursor.pos = end
        return Parsed(node: .number(value, location: locate(start)), start: start, end: end)
    }

    // MARK: - Tokens

    private var atEnd: Bool { cursor.pos >= cursor.chars.count }
    private var current: Character { cursor.chars[cursor.pos] }

    private func text(_ p: Parsed) -> String {
        String(cursor.chars[p.start..<p.end]).trimmingCharacters(in: .whitespaces)
    }

    /// Consumes the word `word` (not a prefix of a longer name); returns where it starts.
    private mutating func keyword(_ word: String) -> Int? {
        cursor.skipSpaces()
        let start = cursor.pos
        guard cursor.identifier() == word else {
            cursor.pos = start
            return nil
        }
        return start
    }

    private mutating func comparisonOperator() -> (ComparisonOperator, Int)? {
        cursor.skipSpaces()
        let at = cursor.pos
        for op in ComparisonOperator.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count })
        where matches(op.rawValue) {
            cursor.pos += op.rawValue.count
            return (op, at)
        }
        return nil
    }

    private mutating func arithmeticOperator(_ allowed: [String]) -> (ArithmeticOperator, Int)? {
        cursor.skipSpaces()
        let at = cursor.pos
        guard !atEnd, allowed.contains(String(current)), let op = ArithmeticOperator(rawValue: String(current)) else {
            return nil
        }
        cursor.pos += 1
        return (op, at)
    }

    private func matches(_ token: String) -> Bool {
        let t = Array(token)
        guard cursor.pos + t.count <= cursor.chars.count else { return false }
        return Array(cursor.chars[cursor.pos..<cursor.pos + t.count]) == t
    }

    /// The error for a character that cannot stand here, with the usual mix-ups explained.
    private func unexpected() -> Failure {
        let c = current
        let at = cursor.pos
        let next = at + 1 < cursor.chars.count ? cursor.chars[at + 1] : " "
        switch c {
        case "=":
            return Failure(message: "`=` is not a comparison", offset: at, length: 1, suggestion: "write `==`")
        case "&" where next == "&":
            return Failure(message: "unexpected `&&`", offset: at, length: 2, suggestion: "write `and`")
        case "|" where next == "|":
            return Failure(message: "unexpected `||`", offset: at, length: 2, suggestion: "write `or`")
        case "!":
            return Failure(message: "unexpected `!`", offset: at, length: 1, suggestion: "write `not`, or `!=`")
        case "|":
            return Failure(
                message: "filters such as `| fixed(4)` format printed values; a claim compares the numbers",
                offset: at, length: 1, suggestion: "write `mean(x)` rather than `x | mean`")
        case ")":
            return Failure(message: "unexpected `)` without `(`", offset: at, length: 1, suggestion: nil)
        default:
            return Failure(
                message: "unexpected `\(c)` in the condition", offset: at, length: 1,
                suggestion: "conditions use numbers, value paths, `+ - * /`, `< <= > >= == !=`, `and`, `or`, `not`")
        }
    }

    // MARK: - Types

    private func requireConditions(_ left: Parsed, _ right: Parsed, _ word: String, at: Int) throws {
        for side in [left, right] where !side.node.isCondition {
            throw Failure(
                message: "`\(word)` joins conditions, but `\(text(side))` is a number", offset: side.start,
                length: side.end - side.start, suggestion: "compare it, e.g. `\(text(side)) > 0`")
        }
    }

    private func requireNumbers(_ left: Parsed, _ right: Parsed, _ op: ArithmeticOperator, at: Int) throws {
        for side in [left, right] where side.node.isCondition {
            throw Failure(
                message: "`\(op.rawValue)` needs numbers, but `\(text(side))` is a condition", offset: side.start,
                length: side.end - side.start, suggestion: "put the arithmetic inside the comparison")
        }
    }

    /// The first aggregate function inside `node`, if any.
    private static func aggregate(in node: ClaimNode) -> ClaimFunction? {
        switch node {
        case .call(let f, let x, _): return f.aggregatesSeeds ? f : aggregate(in: x)
        case .negate(let x, _), .not(let x, _): return aggregate(in: x)
        case .arithmetic(_, let l, let r, _), .comparison(_, let l, let r, _), .logical(_, let l, let r, _):
            return aggregate(in: l) ?? aggregate(in: r)
        case .number, .path: return nil
        }
    }
}
