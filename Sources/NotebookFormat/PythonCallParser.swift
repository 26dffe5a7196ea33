/// Parses Keras layer constructors written in Python syntax: `layers.Conv2D(32, 3, activation="relu")`.
///
/// Accepts the Python literals a layer needs: integers, floats (`1e-3`, `.5`), strings in
/// single or double quotes, `True`/`False`/`None`, tuples and lists. `#` starts a comment.
struct PythonCallParser {
    /// A literal argument value.
    indirect enum Literal: Equatable {
        case int(Int)
        case float(Double)
        case string(String)
        case bool(Bool)
        case none
        case tuple([Literal])
        /// A nested constructor call such as `regularizers.l2(1e-4)`: its dotted name as written,
        /// positional arguments, then keyword arguments in order.
        case call(String, [Literal], [KeywordValue])

        /// One `name=value` argument of a nested call.
        struct KeywordValue: Equatable {
            var name: String
            var value: Literal
        }

        /// As Python would print it: `(3, 3)`, `"relu"`, `True`.
        var python: String {
            switch self {
            case .int(let i): return String(i)
            case .float(let d): return "\(d)"
            case .string(let s): return "\"\(s)\""
            case .bool(let b): return b ? "True" : "False"
            case .none: return "None"
            case .tuple(let items):
                return items.count == 1 ? "(\(items[0].python),)" : "(\(items.map(\.python).joined(separator: ", ")))"
            case .call(let name, let positional, let keywords):
                let args = positional.map(\.python) + keywords.map { "\($0.name)=\($0.value.python)" }
                return "\(name)(\(args.joined(separator: ", ")))"
            }
        }
    }

    struct Argument {
        var value: Literal
        var span: Span
        /// Keyword name and its span, nil for positional arguments.
        var keyword: (name: String, span: Span)?
    }

    struct Call {
        /// Layer name without any `layers.` prefix.
        var name: String
        var nameSpan: Span
        var arguments: [Argument]
        /// Source text from the name to the closing parenthesis.
        var text: String
    }

    struct Token {
        enum Kind: Equatable {
            case name(String)
            case number(String)
            case string(String)
            case punct(Character)
            case end
        }
        var kind: Kind
        var line: Int
        var column: Int
        var length: Int
    }

    let body: BodyText
    let diagnostics: DiagnosticCollector
    private var tokens: [Token] = []
    private var pos = 0

    /// Module paths a call may be written under (`layers.`, `keras.callbacks.`).
    var prefixes: [String]
    /// What a call is, in messages ("layer", "callback"), and an example of one.
    let noun: String
    let example: String

    init(
        body: BodyText, diagnostics: DiagnosticCollector, prefixes: [String] = PythonCallParser.layerPrefixes,
        noun: String = "layer", example: String = "Dense(10)"
    ) {
        self.body = body
        self.diagnostics = diagnostics
        self.prefixes = prefixes
        self.noun = noun
        self.example = example
    }

    private func span(_ t: Token) -> Span { body.span(line: t.line, column: t.column, length: t.length) }

    /// Every call in the body, in order; malformed ones are reported and skipped.
    mutating func parseCalls() -> [Call] {
        guard tokenize() else { return [] }
        var calls: [Call] = []
        while tokens[pos].kind != .end {
            let before = pos
            let reported = diagnostics.count
            let call = parseCall()
            if call == nil, diagnostics.count == reported {
                diagnostics.error("cannot read this \(noun)", at: span(tokens[before]))
            }
            if let call {
                calls.append(call)
                if tokens[pos].kind == .punct(",") { pos += 1 }
            } else {
                // Skip to the next line to resynchronise.
                let line = tokens[before].line
                while tokens[pos].kind != .end, tokens[pos].line == line || pos == before { pos += 1 }
            }
        }
        return calls
    }

    /// The module paths a layer may carry (`keras.` and `tf.keras.` for `keras.Input`).
    static let layerPrefixes = [
        "layers", "keras.layers", "tf.keras.layers", "tensorflow.keras.layers", "keras", "tf.keras",
    ]

    private mutating func parseCall() -> Call? {
        let first = tokens[pos]
        guard case .name = first.kind else {
            diagnostics.error(
                "expected a \(noun) such as `\(example)`, found `\(describe(first))`",
                at: span(first))
            return nil
        }
        var parts: [Token] = [first]
        pos += 1
        while tokens[pos].kind == .punct("."), case .name = tokens[pos + 1].kind {
            parts.append(tokens[pos + 1])
            pos += 2
        }
        let nameToken = parts.last!
        guard case .name(let name) = nameToken.kind else { return nil }
        let prefix = parts.dropLast().compactMap { t -> String? in
            if case .name(let n) = t.kind { return n }
            return nil
        }
        .joined(separator: ".")
        if !prefix.isEmpty, !prefixes.contains(prefix) {
            diagnostics.error(
                "unexpected prefix `\(prefix).`", at: span(first),
                suggestion: "write the \(noun) alone (`\(name)(...)`) or as `\(prefixes[0]).\(name)(...)`")
        }
        guard tokens[pos].kind == .punct("(") else {
            diagnostics.error(
                "expected `(` after `\(name)`", at: span(tokens[pos].kind == .end ? nameToken : tokens[pos]),
                suggestion: "a \(noun) is a constructor call, e.g. `\(name)()`")
            return nil
        }
        pos += 1
        var arguments: [Argument] = []
        var sawKeyword = false
        while tokens[pos].kind != .punct(")") {
            let t = tokens[pos]
            let startsNextLayer: Bool
            if case .name = t.kind, t.line > nameToken.line, tokens[pos + 1].kind == .punct("(") {
                startsNextLayer = true
            } else {
                startsNextLayer = false
            }
            if t.kind == .end || startsNextLayer {
                diagnostics.error("`(` of `\(name)` is never closed", at: span(nameToken), suggestion: "add `)`")
                return nil
            }
            var keyword: (String, Span)?
            if case .name(let k) = t.kind, tokens[pos + 1].kind == .punct("=") {
                keyword = (k, span(t))
                pos += 2
                sawKeyword = true
            } else if sawKeyword {
                diagnostics.error("positional argument follows keyword argument", at: span(t))
                return nil
            }
            let start = tokens[pos]
            guard let value = parseLiteral() else { return nil }
            let end = tokens[pos - 1]
            let valueSpan =
                start.line == end.line
                ? body.span(line: start.line, column: start.column, length: end.column + end.length - start.column)
                : span(start)
            arguments.append(Argument(value: value, span: valueSpan, keyword: keyword))
            if tokens[pos].kind == .punct(",") {
                pos += 1
                continue
            }
            guard tokens[pos].kind == .punct(")") else {
                let bad = tokens[pos]
                diagnostics.error(
                    bad.kind == .end
                        ? "`(` of `\(name)` is never closed" : "expected `,` or `)`, found `\(describe(bad))`",
                    at: span(bad.kind == .end ? nameToken : bad))
                return nil
            }
        }
        let close = tokens[pos]
        pos += 1
        return Call(
            name: name, nameSpan: span(nameToken), arguments: arguments,
            text: text(from: nameToken, to: close))
    }

    private mutating func parseLiteral() -> Literal? {
        let t = tokens[pos]
        switch t.kind {
        case .number(let s):
            pos += 1
            return Self.number(s, negative: false)
        case .punct("-"), .punct("+"):
            if case .number(let s) = tokens[pos + 1].kind {
                pos += 2
                return Self.number(s, negative: t.kind == .punct("-"))
            }
        case .string(let s):
            pos += 1
            return .string(s)
        case .name(let n):
            pos += 1
            switch n {
            case "True": return .bool(true)
            case "False": return .bool(false)
            case "None": return Literal.none
            case _ where tokens[pos].kind == .punct("(") || tokens[pos].kind == .punct("."):
                return parseNestedCall(first: n)
            case "true", "false":
                diagnostics.error(
                    "`\(n)` is not Python", at: span(t), suggestion: "write `\(n == "true" ? "True" : "False")`")
                return nil
            default:
                diagnostics.error("`\(n)` is not a value", at: span(t), suggestion: "strings need quotes: `\"\(n)\"`")
                return nil
            }
        case .punct("("), .punct("["):
            let closer: Character = t.kind == .punct("(") ? ")" : "]"
            pos += 1
            var items: [Literal] = []
            while tokens[pos].kind != .punct(closer) {
                guard let item = parseLiteral() else { return nil }
                items.append(item)
                if tokens[pos].kind == .punct(",") {
                    pos += 1
                    continue
                }
                guard tokens[pos].kind == .punct(closer) else {
                    diagnostics.error(
                        "expected `,` or `\(closer)`", at: span(tokens[pos].kind == .end ? t : tokens[pos]))
                    return nil
                }
            }
            pos += 1
            // `(x)` without a comma is just x in Python.
            if closer == ")", items.count == 1, tokens[pos - 2].kind != .punct(",") { return items[0] }
            return .tuple(items)
        default:
            break
        }
        diagnostics.error(t.kind == .end ? "expected a value" : "expected a value, found `\(describe(t))`", at: span(t))
        return nil
    }

    /// A nested call after its first name (already consumed): `regularizers.l2(1e-4)`,
    /// `keras.regularizers.L1L2(l1=0.0, l2=1e-4)`, `ExponentialDecay(1e-3, 1000, 0.9)`.
    private mutating func parseNestedCall(first: String) -> Literal? {
        var name = first
        while tokens[pos].kind == .punct("."), case .name(let part) = tokens[pos + 1].kind {
            name += "." + part
            pos += 2
        }
        guard tokens[pos].kind == .punct("(") else {
            diagnostics.error(
                "`\(name)` is not a value", at: span(tokens[pos - 1]),
                suggestion: "write a number, a quoted string or a call such as `regularizers.l2(1e-4)`")
            return nil
        }
        let open = tokens[pos]
        pos += 1
        var positional: [Literal] = []
        var keywords: [Literal.KeywordValue] = []
        while tokens[pos].kind != .punct(")") {
            if case .name(let k) = tokens[pos].kind, tokens[pos + 1].kind == .punct("=") {
                pos += 2
                guard let value = parseLiteral() else { return nil }
                keywords.append(.init(name: k, value: value))
            } else {
                if !keywords.isEmpty {
                    diagnostics.error("positional argument follows keyword argument", at: span(tokens[pos]))
                    return nil
                }
                guard let value = parseLiteral() else { return nil }
                positional.append(value)
            }
            if tokens[pos].kind == .punct(",") {
                pos += 1
                continue
            }
            guard tokens[pos].kind == .punct(")") else {
                diagnostics.error(
                    "expected `,` or `)` in `\(name)(...)`", at: span(tokens[pos].kind == .end ? open : tokens[pos]))
                return nil
            }
        }
        pos += 1
        return .call(name, positional, keywords)
    }

    private static func number(_ s: String, negative: Bool) -> Literal? {
        let clean = s.replacingOccurrences(of: "_", with: "")
        if let i = Int(clean) { return .int(negative ? -i : i) }
        if let d = Double(clean) { return .float(negative ? -d : d) }
        return nil
    }

    private func describe(_ t: Token) -> String {
        switch t.kind {
        case .name(let n): return n
        case .number(let n): return n
        case .string(let s): return "\"\(s)\""
        case .punct(let c): return String(c)
        case .end: return "end of block"
        }
    }

    private func text(from a: Token, to b: Token) -> String {
        if a.line == b.line {
            let chars = Array(body.lines[a.line - 1].text)
            return String(chars[(a.column - 1)..<min(chars.count, b.column)])
        }
        var parts: [String] = []
        for l in a.line...b.line {
            var chars = Array(body.lines[l - 1].text)
            if l == b.line { chars = Array(chars[..<min(chars.count, b.column)]) }
            if l == a.line { chars = Array(chars[(a.column - 1)...]) }
            parts.append(Self.withoutComment(chars).trimmingCharacters(in: .whitespaces))
        }
        return parts.joined(separator: " ")
    }

    /// The line up to a `#` comment (outside quotes).
    private static func withoutComment(_ chars: [Character]) -> String {
        var quote: Character?
        for (i, c) in chars.enumerated() {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                return String(chars[..<i])
            }
        }
        return String(chars)
    }

    /// Splits the body into tokens; false (with a diagnostic) on an unterminated string or a stray character.
    private mutating func tokenize() -> Bool {
        var ok = true
        for (index, line) in body.lines.enumerated() {
            let chars = Array(line.text)
            let lineNo = index + 1
            var i = 0
            while i < chars.count {
                let c = chars[i]
                if c == " " || c == "\t" {
                    i += 1
                    continue
                }
                if c == "#" { break }
                let start = i
                if c.isIdentifierStart {
                    while i < chars.count, chars[i].isIdentifierContinue { i += 1 }
                    tokens.append(
                        Token(kind: .name(String(chars[start..<i])), line: lineNo, column: start + 1, length: i - start)
                    )
                } else if c.isASCII,
                    c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber)
                {
                    while i < chars.count, chars[i].isASCII,
                        chars[i].isNumber || chars[i] == "." || chars[i] == "_" || chars[i] == "e" || chars[i] == "E"
                            || ((chars[i] == "-" || chars[i] == "+") && (chars[i - 1] == "e" || chars[i - 1] == "E"))
                    { i += 1 }
                    tokens.append(
                        Token(
                            kind: .number(String(chars[start..<i])), line: lineNo, column: start + 1, length: i - start)
                    )
                } else if c == "\"" || c == "'" {
                    i += 1
                    var value = ""
                    while i < chars.count, chars[i] != c {
                        if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                        value.append(chars[i])
                        i += 1
                    }
                    guard i < chars.count else {
                        diagnostics.error(
                            "unterminated string",
                            at: body.span(line: lineNo, column: start + 1, length: chars.count - start),
                            suggestion: "close it with `\(c)`")
                        ok = false
                        break
                    }
                    i += 1
                    tokens.append(Token(kind: .string(value), line: lineNo, column: start + 1, length: i - start))
                } else if "()[],=.-+".contains(c) {
                    i += 1
                    tokens.append(Token(kind: .punct(c), line: lineNo, column: start + 1, length: 1))
                } else {
                    diagnostics.error(
                        "unexpected `\(c)` in a layer list", at: body.span(line: lineNo, column: start + 1, length: 1))
                    ok = false
                    i += 1
                }
            }
        }
        let lastLine = max(1, body.lines.count)
        let lastColumn = (body.lines.last?.text.count ?? 0) + 1
        tokens.append(Token(kind: .end, line: lastLine, column: lastColumn, length: 1))
        tokens.append(Token(kind: .end, line: lastLine, column: lastColumn, length: 1))
        return ok
    }
}
