import Yams

extension DirectiveDecoder {
    /// Kinds whose values a `compare` may take (one number per seed).
    static let compareSources: [DirectiveKind] = [.train, .evaluate, .prune, .sweep]
    /// Kinds whose values a claim may use.
    static let claimSources: [DirectiveKind] = [.dataset, .model, .train, .evaluate, .prune, .sweep, .compare]

    /// `a:`, `b:` (value paths, checked like prose values) and `test:` (default `welch`).
    func decodeCompare() {
        guard let f = fields(allowed: ["a", "b", "test"]) else { return }
        var sides: [(ValuePath, String)] = []
        for key in ["a", "b"] {
            guard let (_, node) = f[key] else {
                yaml.missing(
                    key, example: "\(key): \(key == "a" ? "with_dropout" : "no_dropout").history.val_loss.last")
                continue
            }
            guard let e = pathExpression(node, key, wantsSeries: false) else { continue }
            sides.append((e.path, e.source))
        }
        var test = CompareDecl.Test.welch
        if let (_, node) = f["test"] {
            test =
                yaml.choice(node, "test", CompareDecl.Test.allCases.map(\.rawValue)).flatMap(CompareDecl.Test.init)
                ?? .welch
        }
        guard sides.count == 2 else { return }
        draft.payload = .compare(CompareDecl(a: sides[0].0, b: sides[1].0, test: test))
        draft.normalizedBody = Self.canonical([("a", sides[0].1), ("b", sides[1].1), ("test", test.rawValue)])
    }

    /// `text:` (the conclusion in words) and `holds:` (a condition, `ClaimParser`).
    func decodeClaim() {
        guard let f = fields(allowed: ["text", "holds"]) else { return }
        var text: String?
        if let (_, node) = f["text"] {
            text = yaml.string(node, "text")
            if let t = text, t.trimmingCharacters(in: .whitespaces).isEmpty {
                diagnostics.error(
                    "`text` of claim `\(draft.id)` is empty", at: yaml.span(node),
                    suggestion: "state the conclusion the condition checks")
                text = nil
            }
        } else {
            yaml.missing("text", example: "text: \"Dropout lowers the final validation loss\"")
        }
        var holds: ClaimExpression?
        if let (_, node) = f["holds"] {
            holds = claimExpression(node)
        } else {
            yaml.missing("holds", example: "holds: dropout_effect.ci95.high < 0")
        }
        guard let text, let holds else { return }
        for path in holds.paths {
            draft.references.append(
                .init(
                    id: path.root, span: Span(location: path.location, length: path.root.count), role: "`holds`",
                    expected: Self.claimSources))
            let e = Expression(path: path, filters: [], source: path.dotted)
            draft.paths.append(
                .init(expression: e, span: Span(location: path.location, length: path.dotted.count), wantsSeries: false)
            )
        }
        draft.payload = .claim(ClaimDecl(text: text, holds: holds))
        draft.normalizedBody = Self.canonical([("text", text), ("holds", holds.source)])
    }

    /// A scalar parsed as a claim condition; errors are reported at their place in the file.
    private func claimExpression(_ node: Node) -> ClaimExpression? {
        guard let text = yaml.string(node, "holds") else { return nil }
        let span = yaml.span(node)
        if case .scalar(let s) = node, s.tag.rawValue.count > 1, s.tag.rawValue.hasPrefix("!"),
            !s.tag.rawValue.hasPrefix("!!")
        {
            diagnostics.error(
                "`!` starts a YAML tag here, so `holds:` reads as empty", at: span,
                suggestion: "write `not` (or `!=` to compare), or quote the whole condition")
            return nil
        }
        var offset = 0
        if case .scalar(let s) = node, s.style == .singleQuoted || s.style == .doubleQuoted { offset = 1 }
        func locate(_ k: Int) -> SourceLocation {
            SourceLocation(
                file: span.location.file, line: span.location.line, column: span.location.column + offset + k)
        }
        do {
            return try ClaimParser.parse(text, locate: locate)
        } catch let failure as ExpressionParser.Failure {
            diagnostics.error(
                failure.message, at: locate(failure.offset), length: failure.length, suggestion: failure.suggestion)
        } catch {}
        return nil
    }
}
