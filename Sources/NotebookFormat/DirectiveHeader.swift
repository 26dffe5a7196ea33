/// The info string of a directive fence: ```` ```{kind} id ```` (or knitr's ```` ```{kind id} ````).
struct DirectiveHeader {
    var kind: DirectiveKind
    var id: String
    var kindSpan: Span
    var idSpan: Span

    /// True when an info string asks for a directive (starts with `{`, but not Pandoc's raw `{=html}`).
    static func isDirective(_ info: String) -> Bool {
        let t = info.trimmingCharacters(in: .whitespaces)
        return t.hasPrefix("{") && !t.hasPrefix("{=")
    }

    /// Parses the info string on notebook line `line`; reports problems and returns nil.
    static func parse(line: Int, source: SourceText, diagnostics: DiagnosticCollector) -> DirectiveHeader? {
        let raw = Array(source.line(line))
        var i = 0
        while i < raw.count, raw[i] == " " { i += 1 }
        let fenceChar = i < raw.count ? raw[i] : "`"
        while i < raw.count, raw[i] == fenceChar { i += 1 }
        while i < raw.count, raw[i] == " " || raw[i] == "\t" { i += 1 }
        let infoStart = i
        func span(_ from: Int, _ length: Int) -> Span {
            Span(location: source.location(line: line, column: from + 1), length: max(1, length))
        }
        guard let close = raw[infoStart...].firstIndex(of: "}") else {
            diagnostics.error(
                "unclosed `{` in directive header", at: span(infoStart, raw.count - infoStart),
                suggestion: "write ```{kind} id, e.g. ```{train} no_dropout")
            return nil
        }
        // Tokens inside the braces and after them, with their offsets.
        func tokens(_ range: Range<Int>) -> [(String, Int)] {
            var out: [(String, Int)] = []
            var j = range.lowerBound
            while j < range.upperBound {
                if raw[j] == " " || raw[j] == "\t" || raw[j] == "," {
                    j += 1
                    continue
                }
                let s = j
                while j < range.upperBound, raw[j] != " ", raw[j] != "\t", raw[j] != "," { j += 1 }
                out.append((String(raw[s..<j]), s))
            }
            return out
        }
        let inside = tokens((infoStart + 1)..<close)
        let after = tokens((close + 1)..<raw.count)
        guard let (kindText, kindOffset) = inside.first else {
            diagnostics.error(
                "directive header needs a kind inside `{}`", at: span(infoStart, close - infoStart + 1),
                suggestion: "kinds are \(DirectiveKind.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "))")
            return nil
        }
        let kindSpan = span(kindOffset, kindText.count)
        guard let kind = DirectiveKind(rawValue: kindText) else {
            let names = DirectiveKind.allCases.map(\.rawValue)
            diagnostics.error(
                "unknown directive kind `\(kindText)`", at: kindSpan,
                suggestion: Spelling.suggestion(for: kindText, in: names)
                    ?? "kinds are \(names.map { "`\($0)`" }.joined(separator: ", ")); for plain code write ```\(kindText) without braces"
            )
            return nil
        }
        let ids = Array(inside.dropFirst()) + after
        guard let (id, idOffset) = ids.first else {
            diagnostics.error(
                "`\(kind.rawValue)` directive needs an id", at: span(infoStart, close - infoStart + 1),
                suggestion: "write ```{\(kind.rawValue)} name, e.g. ```{\(kind.rawValue)} \(example(kind))")
            return nil
        }
        let idSpan = span(idOffset, id.count)
        if ids.count > 1 {
            let (extra, offset) = ids[1]
            diagnostics.error(
                "unexpected `\(extra)` after the directive id `\(id)`", at: span(offset, raw.count - offset),
                suggestion: "a directive header is ```{kind} id; options go in `#|` lines")
        }
        guard id.isIdentifier else {
            diagnostics.error(
                "`\(id)` is not a valid id", at: idSpan,
                suggestion:
                    "ids use letters, digits and `_` and start with a letter, e.g. `\(repaired(id, kind: kind))`")
            return nil
        }
        guard id.count <= maxIDLength else {
            diagnostics.error(
                "the id `\(id.prefix(20))…` is \(id.count) characters long; ids are at most \(maxIDLength)",
                at: idSpan,
                suggestion: "use a shorter id (it names the figure file `<id>.png`), e.g. `\(id.prefix(20))`")
            return nil
        }
        return DirectiveHeader(kind: kind, id: id, kindSpan: kindSpan, idSpan: idSpan)
    }

    /// The longest id: figure files are named `<id>.png`, and file names stop at 255 bytes.
    static let maxIDLength = 64

    /// A valid id close to `id`: other characters become `_`, runs of `_` become one, `_` at the ends go,
    /// a leading digit gets an `x`; the kind's example when nothing is left.
    static func repaired(_ id: String, kind: DirectiveKind) -> String {
        var out = ""
        for c in id {
            let keep: Character = c.isIdentifierContinue ? c : "_"
            if keep == "_", out.last == "_" { continue }
            out.append(keep)
        }
        out = String(out.drop { $0 == "_" }.reversed().drop { $0 == "_" }.reversed().prefix(maxIDLength))
        guard let first = out.first else { return example(kind) }
        return first.isIdentifierStart ? out : "x" + out
    }

    private static func example(_ kind: DirectiveKind) -> String {
        switch kind {
        case .dataset: return "mnist"
        case .model, .train: return "no_dropout"
        case .evaluate: return "no_dropout_test"
        case .plot: return "accuracy_plot"
        case .table: return "summary"
        case .samples: return "digits"
        case .misclassified: return "mistakes"
        case .confusion: return "confusion_matrix"
        case .prune: return "pruned"
        case .sweep: return "rate_sweep"
        case .histogram: return "weights"
        case .compare: return "dropout_effect"
        case .claim: return "dropout_helps"
        case .report: return "per_class"
        }
    }
}
