import Yams

/// Turns a directive's body into its payload, collecting references for the checker.
final class DirectiveDecoder {
    let yaml: YAMLBody
    let diagnostics: DiagnosticCollector
    var draft: DirectiveDraft

    init(draft: DirectiveDraft, body: BodyText, diagnostics: DiagnosticCollector) {
        self.draft = draft
        self.diagnostics = diagnostics
        self.yaml = YAMLBody(
            body: body, diagnostics: diagnostics,
            context: "`\(draft.kind.rawValue)` directive `\(draft.id)`", header: draft.header)
    }

    /// Decodes the payload by kind; the result is in `draft`.
    func decode() -> DirectiveDraft {
        switch draft.kind {
        case .dataset: decodeDataset()
        case .model: decodeModel()
        case .train: decodeTrain()
        case .evaluate: decodeEvaluate()
        case .plot: decodePlot()
        case .table: decodeTable()
        case .samples: decodeSamples()
        case .misclassified: decodeMisclassified()
        case .confusion: decodeConfusion()
        case .prune: decodePrune()
        case .sweep: decodeSweep()
        case .histogram: decodeHistogram()
        case .compare: decodeCompare()
        case .claim: decodeClaim()
        case .report: decodeReport()
        }
        return draft
    }

    /// The body's `key: value` pairs, unknown keys reported; nil if the body is not a mapping.
    func fields(allowed: [String]) -> [String: (Span, Node)]? {
        guard let root = yaml.root() else {
            if yaml.body.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return [:] }
            return nil
        }
        guard let pairs = yaml.mapping(root, expected: "a YAML mapping of `key: value` lines") else { return nil }
        yaml.checkKeys(pairs, allowed: allowed, in: yaml.context)
        var out: [String: (Span, Node)] = [:]
        for p in pairs { out[p.key] = (p.keySpan, p.value) }
        return out
    }

    /// Records that `node` names a directive of one of `kinds`; returns the id.
    func reference(_ node: Node, role: String, kinds: [DirectiveKind]) -> String? {
        guard let id = yaml.string(node, role) else { return nil }
        draft.references.append(.init(id: id, span: yaml.span(node), role: "`\(role)`", expected: kinds))
        return id
    }

    /// Parses a scalar as an expression (plot series paths, table cells), located in the body.
    func expression(_ text: String, at span: Span, offsetInNode: Int = 0) -> Expression? {
        do {
            return try ExpressionParser.parse(text) { offset in
                SourceLocation(
                    file: span.location.file, line: span.location.line,
                    column: span.location.column + offsetInNode + offset)
            }
        } catch let f as ExpressionParser.Failure {
            diagnostics.error(
                f.message,
                at: SourceLocation(
                    file: span.location.file, line: span.location.line,
                    column: span.location.column + offsetInNode + f.offset),
                length: f.length, suggestion: f.suggestion)
        } catch {}
        return nil
    }

    /// `key=value` lines, sorted, for `normalizedBody`.
    static func canonical(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { k, v in v.map { "\(k)=\($0)" } }.sorted().joined(separator: "\n")
    }

    /// A number in the shortest text that reads back the same.
    static func number(_ x: Double) -> String { "\(x)" }
}
