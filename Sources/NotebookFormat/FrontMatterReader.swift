import Yams

/// Reads the YAML front matter at the top of a notebook and applies `--set` overrides.
struct FrontMatterReader {
    let source: SourceText
    let diagnostics: DiagnosticCollector

    /// The front matter and the last notebook line it occupies (0 when there is none).
    func read() -> (FrontMatter, endLine: Int, paramSpans: [String: Span], paramsKeySpan: Span?) {
        var front = FrontMatter()
        guard source.lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return (front, 0, [:], nil) }
        guard
            let close = source.lines.indices.dropFirst().first(where: {
                let t = source.lines[$0].trimmingCharacters(in: .whitespaces)
                return t == "---" || t == "..."
            })
        else {
            diagnostics.error(
                "the front matter opened here is never closed", at: source.location(line: 1, column: 1),
                length: 3, suggestion: "end it with a line `---`")
            return (front, 0, [:], nil)
        }
        let endLine = close + 1
        let lines = (2..<endLine).map { BodyText.Line(sourceLine: $0, indent: 0, text: source.line($0)) }
        let body = BodyText(file: source.file, lines: lines)
        let yaml = YAMLBody(
            body: body, diagnostics: diagnostics, context: "the front matter",
            header: Span(location: source.location(line: 1, column: 1), length: 3))
        guard let root = yaml.root() else { return (front, endLine, [:], nil) }
        guard let pairs = yaml.mapping(root, expected: "a mapping of `key: value` lines") else {
            return (front, endLine, [:], nil)
        }
        yaml.checkKeys(pairs, allowed: FrontMatter.keys, in: "the front matter")
        var spans: [String: Span] = [:]
        var paramsKey: Span?
        for (key, keySpan, value) in pairs {
            switch key {
            case "title": front.title = yaml.string(value, key)
            case "author": front.author = yaml.string(value, key)
            case "date": front.date = yaml.string(value, key)
            case "lang": front.lang = yaml.string(value, key) ?? "en"
            case "template": front.template = yaml.string(value, key)
            case "data_dir": front.dataDir = yaml.string(value, key)
            case "seed":
                if let t = yaml.plain(value), let s = UInt64(t) {
                    front.seed = s
                } else {
                    diagnostics.error(
                        "`seed` must be a non-negative integer, got `\(yaml.text(value))`", at: yaml.span(value))
                }
            case "params":
                paramsKey = keySpan
                guard let items = yaml.mapping(value, expected: "a mapping") else { break }
                for (name, nameSpan, v) in items {
                    guard name.isIdentifier else {
                        diagnostics.error(
                            "param name `\(name)` is not an identifier", at: nameSpan,
                            suggestion: "use letters, digits and `_`, starting with a letter")
                        continue
                    }
                    guard let typed = paramValue(v, yaml: yaml, name: name) else { continue }
                    front.params.append((name: name, value: typed))
                    spans[name] = nameSpan
                }
            default: break
            }
        }
        return (front, endLine, spans, paramsKey)
    }

    /// A scalar typed the YAML way: plain integers, numbers and booleans; anything else is text.
    private func paramValue(_ node: Node, yaml: YAMLBody, name: String) -> ParamValue? {
        guard case .scalar(let s) = node else {
            diagnostics.error(
                "param `\(name)` must be a single value (a number, true/false or text)", at: yaml.span(node))
            return nil
        }
        if let t = yaml.plain(node) {
            if let i = Int(t) { return .int(i) }
            if let d = YAMLBody.number(t), d.isFinite, t.contains(where: { $0.isNumber }) { return .double(d) }
            if t == "true" || t == "True" { return .bool(true) }
            if t == "false" || t == "False" { return .bool(false) }
        }
        return .string(s.string)
    }

    /// Applies `--set name=value` overrides, typed like each param's default.
    func apply(_ overrides: [String: String], to front: inout FrontMatter, paramSpans: [String: Span], paramsKey: Span?)
    {
        let fallback = paramsKey ?? Span(location: source.location(line: 1, column: 1), length: 1)
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let index = front.params.firstIndex(where: { $0.name == name }) else {
                let names = front.params.map(\.name)
                diagnostics.error(
                    "`--set \(name)=\(value)`: the front matter declares no param `\(name)`", at: fallback,
                    suggestion: Spelling.suggestion(for: name, in: names)
                        ?? (names.isEmpty ? "declare it under `params:` in the front matter" : nil))
                continue
            }
            let old = front.params[index].value
            guard let typed = old.parsingOverride(value) else {
                diagnostics.error(
                    "`--set \(name)=\(value)`: param `\(name)` is \(old.typeName) (its default is `\(old)`)",
                    at: paramSpans[name] ?? fallback)
                continue
            }
            front.params[index].value = typed
        }
    }
}
