/// Parses the text inside `{{ }}` (and plot series paths) into an `Expression`.
///
/// Grammar: `ident ('[' int ']')? ('.' ident)* accessor* ('|' filter ('(' int (',' int)* ')')?)*`
/// where `[i]` right after the root picks replicate i (1-based) of a result trained with `seeds:`,
/// and an accessor is `.first .last .min .max .argmin .argmax` or `[i]` (1-based, negative from
/// the end). Filter order and arguments follow `FilterCall.rules`.
struct ExpressionParser {
    struct Failure: Error {
        var message: String
        /// Character offset into the parsed text and length of the offending part.
        var offset: Int
        var length: Int
        var suggestion: String?
    }

    let chars: [Character]
    var pos = 0

    init(_ text: String) { chars = Array(text) }

    /// Parses `text`; `locate` maps a character offset in `text` to its source location.
    static func parse(_ text: String, locate: (Int) -> SourceLocation) throws -> Expression {
        var p = ExpressionParser(text)
        return try p.parseExpression(locate: locate)
    }

    private mutating func parseExpression(locate: (Int) -> SourceLocation) throws -> Expression {
        skipSpaces()
        if pos >= chars.count {
            throw Failure(
                message: "empty expression", offset: max(0, pos - 1), length: 1,
                suggestion: "write a value path such as `no_dropout.history.val_loss.last`")
        }
        let path = try parsePath(locate: locate)
        skipSpaces()
        var filters: [FilterCall] = []
        var formatted: String?
        while pos < chars.count, chars[pos] == "|" {
            pos += 1
            skipSpaces()
            let at = pos
            guard let name = identifier() else {
                throw Failure(
                    message: "expected a filter name after `|`", offset: at - 1, length: 1,
                    suggestion: "filters are \(FilterCall.names.map { "`\($0)`" }.joined(separator: ", "))")
            }
            guard FilterCall.names.contains(name) else {
                throw Failure(
                    message: "unknown filter `\(name)`", offset: at, length: name.count,
                    suggestion: Spelling.suggestion(for: name, in: FilterCall.names)
                        ?? "filters are \(FilterCall.names.map { "`\($0)`" }.joined(separator: ", "))")
            }
            if let formatted {
                throw Failure(
                    message: "`\(formatted)` already turned the value into text; `\(name)` cannot follow it",
                    offset: at, length: name.count, suggestion: "put `\(formatted)` last")
            }
            let rule = FilterCall.rule(name)!
            if rule.role == .aggregate || rule.role == .replicateText, let previous = filters.last {
                if let combined = filters.first(where: \.combinesSeeds) {
                    throw Failure(
                        message:
                            "`\(name)` cannot follow `\(combined.name)`: `\(combined.name)` already combined the seeds into one number",
                        offset: at, length: name.count, suggestion: "keep one of them")
                }
                throw Failure(
                    message: "`\(name)` combines the seeds, so it must come before `\(previous.name)`", offset: at,
                    length: name.count, suggestion: "write `| \(name)` right after the value")
            }
            skipSpaces()
            var args: [Double] = []
            if pos < chars.count, chars[pos] == "(" {
                pos += 1
                while true {
                    skipSpaces()
                    let s = pos
                    while pos < chars.count, chars[pos].isASCII,
                        chars[pos].isNumber || chars[pos] == "." || chars[pos] == "-"
                    { pos += 1 }
                    let text = String(chars[s..<pos])
                    if text.isEmpty, pos < chars.count, chars[pos] == ")", args.isEmpty { break }
                    guard let n = Int(text), (0...15).contains(n) else {
                        throw Failure(
                            message: "`\(name)` takes a number of decimals from 0 to 15",
                            offset: s, length: max(1, text.count), suggestion: nil)
                    }
                    args.append(Double(n))
                    skipSpaces()
                    if pos < chars.count, chars[pos] == "," {
                        pos += 1
                        continue
                    }
                    break
                }
                guard pos < chars.count, chars[pos] == ")" else {
                    throw Failure(
                        message: "expected `)`", offset: min(pos, max(0, chars.count - 1)), length: 1, suggestion: nil)
                }
                pos += 1
            }
            if !rule.arguments.contains(args.count) {
                throw Failure(message: rule.usage, offset: at, length: pos - at, suggestion: nil)
            }
            filters.append(FilterCall(name: name, arguments: args))
            if rule.role == .text || rule.role == .replicateText { formatted = name }
            skipSpaces()
        }
        if pos < chars.count {
            throw Failure(
                message: "unexpected `\(chars[pos])` in expression", offset: pos, length: 1,
                suggestion: chars[pos] == "." ? nil : "an expression is a value path, accessors, then `| filter`s")
        }
        let source = String(chars).trimmingCharacters(in: .whitespaces)
        return Expression(path: path, filters: filters, source: source)
    }

    /// A value path starting at `pos`: `root`, an optional replicate `[i]` right after the root,
    /// `.member`s, then accessors (`.last`, `[i]`, ...). Leaves `pos` after the path. Shared by
    /// `{{ }}` expressions, directive paths and claim expressions.
    mutating func parsePath(locate: (Int) -> SourceLocation) throws -> ValuePath {
        let start = pos
        guard let root = identifier() else {
            throw Failure(
                message: "expected a directive id, found `\(chars[pos])`", offset: pos, length: 1, suggestion: nil)
        }
        var replicate: Int?
        if pos < chars.count, chars[pos] == "[" {
            let open = pos
            let n = try position()
            guard n > 0 else {
                throw Failure(
                    message: n == 0
                        ? "replicates are numbered from 1; `\(root)[0]` does not exist"
                        : "a replicate number cannot be negative", offset: open, length: pos - open,
                    suggestion: "`\(root)[1]` is the first seed")
            }
            replicate = n
        }
        var members: [String] = []
        var accessors: [Accessor] = []
        while pos < chars.count {
            if chars[pos] == "." {
                pos += 1
                let at = pos
                guard let name = identifier() else {
                    throw Failure(message: "expected a name after `.`", offset: at - 1, length: 1, suggestion: nil)
                }
                if let accessor = Accessor.names[name] {
                    accessors.append(accessor)
                } else if !accessors.isEmpty {
                    throw Failure(
                        message: "`\(name)` cannot follow an accessor", offset: at, length: name.count,
                        suggestion: Spelling.suggestion(for: name, in: Array(Accessor.names.keys).sorted()))
                } else {
                    members.append(name)
                }
            } else if chars[pos] == "[" {
                let open = pos
                let n = try position()
                if n == 0 {
                    throw Failure(
                        message: "positions are 1-based; `[0]` does not exist", offset: open,
                        length: pos - open, suggestion: "use `[1]` (or `.first`) for the first value")
                }
                accessors.append(.index(n))
            } else {
                break
            }
        }
        return ValuePath(
            root: root, members: members, accessors: accessors, location: locate(start), replicate: replicate)
    }

    /// `[n]` or `[-n]` at `pos`; leaves `pos` after the `]`.
    private mutating func position() throws -> Int {
        let open = pos
        pos += 1
        skipSpaces()
        var negative = false
        if pos < chars.count, chars[pos] == "-" {
            negative = true
            pos += 1
        }
        let digitsStart = pos
        while pos < chars.count, chars[pos].isASCII, chars[pos].isNumber { pos += 1 }
        let digits = String(chars[digitsStart..<pos])
        skipSpaces()
        guard !digits.isEmpty, pos < chars.count, chars[pos] == "]", let n = Int(digits) else {
            throw Failure(
                message: "expected an integer position and `]`", offset: open,
                length: max(1, min(pos, chars.count) - open), suggestion: nil)
        }
        pos += 1
        return negative ? -n : n
    }

    mutating func skipSpaces() {
        while pos < chars.count, chars[pos] == " " || chars[pos] == "\t" || chars[pos] == "\n" { pos += 1 }
    }

    mutating func identifier() -> String? {
        guard pos < chars.count, chars[pos].isIdentifierStart else { return nil }
        let s = pos
        while pos < chars.count, chars[pos].isIdentifierContinue { pos += 1 }
        return String(chars[s..<pos])
    }
}

extension Character {
    /// ASCII letter or `_`.
    var isIdentifierStart: Bool { isASCII && (isLetter || self == "_") }
    /// ASCII letter, digit or `_`.
    var isIdentifierContinue: Bool { isASCII && (isLetter || isNumber || self == "_") }
}

extension String {
    /// An ASCII identifier: a letter or `_`, then letters, digits, `_`.
    var isIdentifier: Bool {
        guard let f = first, f.isIdentifierStart else { return false }
        return allSatisfy(\.isIdentifierContinue)
    }
}
