import Yams

/// Reads a YAML directive body with Yams, reporting problems at notebook locations.
final class YAMLBody {
    let body: BodyText
    let diagnostics: DiagnosticCollector
    /// "`train` directive `no_dropout`", for messages.
    let context: String
    /// The directive's fence span, for "missing key" errors.
    let header: Span

    init(body: BodyText, diagnostics: DiagnosticCollector, context: String, header: Span) {
        self.body = body
        self.diagnostics = diagnostics
        self.context = context
        self.header = header
    }

    /// The body's root node, nil when empty or invalid (invalid YAML is reported).
    func root() -> Node? {
        do {
            return try Yams.compose(yaml: body.text)
        } catch let error as YamlError {
            report(error)
        } catch {
            diagnostics.error("invalid YAML in \(context): \(error)", at: header)
        }
        return nil
    }

    private func report(_ error: YamlError) {
        switch error {
        case .scanner(let context, let problem, var mark, _), .parser(let context, let problem, var mark, _),
            .composer(let context, let problem, var mark, _):
            // Past the end of the body, point at what was left open instead.
            if let context,
                mark.line > body.lines.count
                    || (mark.line == body.lines.count && body.lines[mark.line - 1].text.isEmpty)
            {
                mark = context.mark
            }
            let column = body.characterColumn(line: mark.line, scalarColumn: mark.column)
            let detail = context.map { " (\($0.text))" } ?? ""
            diagnostics.error(
                "invalid YAML: \(problem)\(detail)", at: body.span(line: mark.line, column: column, length: 1),
                suggestion: problem.contains("tab") ? "indent with spaces" : nil)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let mark = context.mark
            let column = body.characterColumn(line: mark.line, scalarColumn: mark.column)
            let key = duplicates.first ?? ""
            diagnostics.error(
                "duplicate key `\(key)` in \(self.context)",
                at: body.span(line: mark.line, column: column, length: key.count))
        default:
            diagnostics.error("invalid YAML in \(context): \(error)", at: header)
        }
    }

    /// Where a node starts and how long its text is (quoted scalars include the quotes).
    func span(_ node: Node) -> Span {
        guard let mark = node.mark else { return header }
        let column = body.characterColumn(line: mark.line, scalarColumn: mark.column)
        var length = 1
        if case .scalar(let s) = node, mark.line >= 1, mark.line <= body.lines.count {
            let text = Array(body.lines[mark.line - 1].text)
            let start = column - 1
            switch s.style {
            case .singleQuoted, .doubleQuoted:
                let quote = s.style == .singleQuoted ? Character("'") : Character("\"")
                if start + 1 < text.count, let close = text[(start + 1)...].firstIndex(of: quote) {
                    length = close - start + 1
                } else {
                    length = max(1, text.count - start)
                }
            default:
                length = max(1, min(s.string.count, text.count - start))
            }
        }
        return body.span(line: mark.line, column: column, length: length)
    }

    /// `key: value` pairs of a mapping node; reports anything else as `expected`.
    func mapping(_ node: Node?, expected: String) -> [(key: String, keySpan: Span, value: Node)]? {
        guard let node else { return nil }
        guard case .mapping(let m) = node else {
            diagnostics.error("\(context) must be \(expected)", at: span(node))
            return nil
        }
        return m.map { (key: $0.key.string ?? "", keySpan: span($0.key), value: $0.value) }
    }

    /// Reports keys not in `allowed`, with a spelling suggestion.
    func checkKeys(_ pairs: [(key: String, keySpan: Span, value: Node)], allowed: [String], in what: String) {
        for p in pairs where !allowed.contains(p.key) {
            diagnostics.error(
                "unknown key `\(p.key)` in \(what)", at: p.keySpan,
                suggestion: Spelling.suggestion(for: p.key, in: allowed)
                    ?? "keys are \(allowed.map { "`\($0)`" }.joined(separator: ", "))")
        }
    }

    /// The text of a scalar as written, for messages.
    func text(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string
        case .mapping: return "{...}"
        case .sequence: return "[...]"
        case .alias: return "*alias"
        }
    }

    /// A plain (unquoted) scalar's text, or nil.
    func plain(_ node: Node) -> String? {
        if case .scalar(let s) = node, s.style == .plain || s.style == .any { return s.string }
        return nil
    }

    func string(_ node: Node, _ name: String) -> String? {
        guard case .scalar(let s) = node else {
            diagnostics.error(
                "`\(name)` must be text, not \(text(node) == "{...}" ? "a mapping" : "a list")", at: span(node))
            return nil
        }
        return s.string
    }

    func int(_ node: Node, _ name: String, atLeast minimum: Int, atMost maximum: Int = .max) -> Int? {
        guard let t = plain(node), let v = Int(t) else {
            diagnostics.error("`\(name)` must be an integer, got `\(text(node))`", at: span(node))
            return nil
        }
        guard v >= minimum else {
            diagnostics.error("`\(name)` must be at least \(minimum), got `\(v)`", at: span(node))
            return nil
        }
        guard v <= maximum else {
            diagnostics.error("`\(name)` must be at most \(maximum), got `\(v)`", at: span(node))
            return nil
        }
        return v
    }

    /// A number; `valid` checks the range, described by `range` (e.g. ">= 0 and < 1").
    func double(_ node: Node, _ name: String, range: String? = nil, _ valid: (Double) -> Bool = { _ in true })
        -> Double?
    {
        guard let t = plain(node), let v = YAMLBody.number(t), v.isFinite else {
            diagnostics.error("`\(name)` must be a number, got `\(text(node))`", at: span(node))
            return nil
        }
        guard valid(v) else {
            diagnostics.error("`\(name)` must be \(range ?? "valid"), got `\(t)`", at: span(node))
            return nil
        }
        return v
    }

    func bool(_ node: Node, _ name: String) -> Bool? {
        switch plain(node)?.lowercased() {
        case "true": return true
        case "false": return false
        default:
            diagnostics.error("`\(name)` must be `true` or `false`, got `\(text(node))`", at: span(node))
            return nil
        }
    }

    /// Text from one of `choices`; a near miss gets a suggestion.
    func choice(_ node: Node, _ name: String, _ choices: [String], caseInsensitive: Bool = false) -> String? {
        guard let raw = string(node, name) else { return nil }
        let v = caseInsensitive ? raw.lowercased() : raw
        guard choices.contains(v) else {
            diagnostics.error(
                "unknown \(name) `\(raw)`", at: span(node),
                suggestion: Spelling.suggestion(for: v, in: choices)
                    ?? "nbrun knows \(choices.map { "`\($0)`" }.joined(separator: ", "))")
            return nil
        }
        return v
    }

    /// A list of nodes (a single scalar counts as a one-element list when `single` is true).
    func list(_ node: Node, _ name: String, single: Bool = false) -> [Node]? {
        switch node {
        case .sequence(let s): return Array(s)
        case .scalar where single: return [node]
        default:
            diagnostics.error("`\(name)` must be a list, got `\(text(node))`", at: span(node))
            return nil
        }
    }

    /// `[a, b]` of two numbers.
    func pair(_ node: Node, _ name: String) -> [Double]? {
        guard let items = list(node, name) else { return nil }
        guard items.count == 2 else {
            diagnostics.error("`\(name)` must be two numbers `[low, high]`", at: span(node))
            return nil
        }
        let values = items.compactMap { double($0, name) }
        return values.count == 2 ? values : nil
    }

    /// Parses YAML 1.2 core-schema numbers, plus `1e-3` without a dot.
    static func number(_ t: String) -> Double? {
        let s = t.replacingOccurrences(of: "_", with: "")
        if let v = Double(s) { return v }
        return nil
    }

    /// Reports a required key that is absent.
    func missing(_ key: String, example: String) {
        diagnostics.error("\(context) needs `\(key):`", at: header, suggestion: "add a line such as `\(example)`")
    }
}
