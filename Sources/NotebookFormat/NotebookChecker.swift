import Vocabulary

/// Whole-notebook checks: unique ids and labels, references between directives, value paths in
/// bodies and prose, cross-references. Reports every problem, not just the first.
struct NotebookChecker {
    let drafts: [DirectiveDraft]
    let prose: [Prose]
    let diagnostics: DiagnosticCollector

    /// The values a directive offers (see ``ValueProducer``), from what is known before anything
    /// runs; empty for kinds that produce none. `train` and `model` look directives up by id.
    static func values(
        of kind: DirectiveKind, payload: DirectivePayload?, train: (String) -> TrainDecl?,
        model: (String) -> ModelDecl?
    ) -> [String: ProducedValue] {
        producer(of: kind, payload: payload, train: train, model: model)?.values ?? [:]
    }

    /// What a directive produces, or nil for kinds that produce no values.
    static func producer(
        of kind: DirectiveKind, payload: DirectivePayload?, train: (String) -> TrainDecl?,
        model: (String) -> ModelDecl?
    ) -> ValueProducer? {
        switch (kind, payload) {
        case (.dataset, _): return .dataset
        case (.model, _): return .model
        case (.train, .train(let t)?):
            return .train(metrics: t.metrics, validation: t.validationSplit > 0, earlyStopping: t.earlyStopping != nil)
        case (.evaluate, .evaluate(let e)?): return .evaluate(metrics: train(e.model)?.metrics ?? [])
        case (.prune, .prune(let p)?):
            let layers = train(p.model).flatMap { model($0.model) }.map { LayerSpec.kernelNames($0.specs) } ?? []
            return .prune(fineTuned: p.fineTune != nil, kernelLayers: layers)
        case (.sweep, .sweep(let s)?): return .sweep(validation: (train(s.train)?.validationSplit ?? 0) > 0)
        case (.compare, .compare?): return .compare
        default: return nil
        }
    }

    /// Resolved references per draft, in order.
    func check() -> [[DirectiveReference]] {
        checkIDs()
        checkLabels()
        checkPruningDirectives()
        checkPairedCompares()
        checkTestSplits()
        var resolved: [[DirectiveReference]] = []
        for d in drafts {
            var refs: [DirectiveReference] = []
            for r in d.references {
                if let kind = resolve(r, in: d), !refs.contains(DirectiveReference(id: r.id, kind: kind)) {
                    refs.append(DirectiveReference(id: r.id, kind: kind))
                }
            }
            for p in d.paths where d.kind != .claim || drafts.contains(where: { $0.id == p.expression.path.root }) {
                if !p.wantsSeries { checkReplicates(p.expression, span: p.span, use: PathUseKind(d.kind)) }
                if let kind = checkPath(p.expression, span: p.span, wantsSeries: p.wantsSeries),
                    !refs.contains(DirectiveReference(id: p.expression.path.root, kind: kind))
                {
                    refs.append(DirectiveReference(id: p.expression.path.root, kind: kind))
                }
            }
            resolved.append(refs)
        }
        for p in prose {
            for e in p.expressions {
                let span = Span(location: e.expression.path.location, length: e.expression.path.dotted.count)
                if checkPath(e.expression, span: span, wantsSeries: false) != nil {
                    checkReplicates(e.expression, span: span, use: .printed)
                }
            }
            let labels = drafts.compactMap(\.display.label)
            for r in p.references where !labels.contains(r.label) {
                diagnostics.error(
                    "no figure or table is labelled `\(r.label)`", at: r.location, length: r.label.count + 1,
                    suggestion: Spelling.suggestion(for: r.label, in: labels).map {
                        $0.replacingOccurrences(of: "`", with: "`@", options: [], range: $0.range(of: "`"))
                    }
                        ?? "give a directive the option `#| label: \(r.label)`")
            }
        }
        return resolved
    }

    private func describe(_ d: DirectiveDraft) -> String {
        "`\(d.kind.rawValue)` directive on line \(d.header.location.line)"
    }

    private func checkIDs() {
        var seen: [String: [DirectiveDraft]] = [:]
        for d in drafts {
            let earlier = seen[d.id, default: []]
            let pairsWithModel = earlier.count == 1 && Set([earlier[0].kind, d.kind]) == [.model, .train]
            if let first = earlier.first, !pairsWithModel {
                diagnostics.error(
                    "duplicate id `\(d.id)`: the \(describe(first)) already uses it", at: d.idSpan,
                    suggestion: first.kind == .model || d.kind == .model
                        ? "only a `train` may share its id with the `model` it trains" : nil)
            }
            seen[d.id, default: []].append(d)
        }
    }

    private func checkLabels() {
        var seen: [String: DirectiveDraft] = [:]
        for d in drafts {
            guard let label = d.display.label, let span = d.labelSpan else { continue }
            if let wanted = d.kind.crossReferenceKind {
                if !label.hasPrefix(wanted.prefix) || label == wanted.prefix {
                    let rest = CrossReferenceGrammar.kind(ofLabel: label).map {
                        String(label.dropFirst($0.prefix.count))
                    }
                    diagnostics.error(
                        "a `\(d.kind.rawValue)` label must start with `\(wanted.prefix)`", at: span,
                        suggestion: "e.g. `\(wanted.prefix)\(rest.map { $0.isEmpty ? d.id : $0 } ?? label)`")
                } else if !CrossReferenceGrammar.isLabel(label, of: wanted) {
                    diagnostics.error(
                        "`\(label)` is not a label that prose can refer to", at: span,
                        suggestion: "after `\(wanted.prefix)` use ASCII letters, digits and `_`, "
                            + "with `-`, `.` or `:` only between them, e.g. `\(wanted.prefix)\(d.id)`")
                }
            } else {
                diagnostics.error(
                    "a `\(d.kind.rawValue)` directive shows no figure or table, so it cannot have a label", at: span)
            }
            if let first = seen[label] {
                diagnostics.error("duplicate label `\(label)`: the \(describe(first)) already uses it", at: span)
            } else {
                seen[label] = d
            }
        }
    }

    /// The kind a reference resolves to, or nil (reported).
    private func resolve(_ r: DirectiveDraft.Reference, in d: DirectiveDraft) -> DirectiveKind? {
        let named = drafts.filter { $0.id == r.id }
        if let match = named.first(where: { r.expected.contains($0.kind) }) { return match.kind }
        if diagnostics.brokenIDs.contains(r.id) { return nil }
        let wanted = r.expected.map { "`\($0.rawValue)`" }.joined(separator: " or ")
        let article = r.expected.first == .evaluate ? "an" : "a"
        let candidates = drafts.filter { r.expected.contains($0.kind) }.map(\.id)
        if r.implicit {
            diagnostics.error(
                "`train` directive `\(d.id)` has no `model:` and no model is named `\(d.id)`", at: r.span,
                suggestion: candidates.isEmpty
                    ? "add a `model` directive with id `\(d.id)`"
                    : "add `model: \(Spelling.closest(to: r.id, in: candidates) ?? candidates[0])`")
        } else if let other = named.first(where: { $0.kind != .model }) ?? named.first {
            var hint: String?
            if other.kind == .train || other.kind == .model, r.expected == [.evaluate] {
                hint =
                    "add an `evaluate` directive with `model: \(other.kind == .train ? r.id : "<train id>")` and name it here"
            } else if let c = Spelling.closest(to: r.id, in: candidates) {
                hint = "did you mean `\(c)`?"
            }
            diagnostics.error(
                "\(r.role) must name \(article) \(wanted) directive, but `\(r.id)` is a `\(other.kind.rawValue)`",
                at: r.span, suggestion: hint)
        } else {
            diagnostics.error(
                "no \(wanted) directive named `\(r.id)`", at: r.span,
                suggestion: Spelling.suggestion(for: r.id, in: candidates)
                    ?? Spelling.suggestion(for: r.id, in: drafts.map(\.id)))
        }
        return nil
    }

    /// Checks an expression's path against the values its root offers; returns the root's kind.
    private func checkPath(_ e: Expression, span: Span, wantsSeries: Bool) -> DirectiveKind? {
        let path = e.path
        let named = drafts.filter { $0.id == path.root }
        if named.isEmpty, diagnostics.brokenIDs.contains(path.root) { return nil }
        guard let owner = named.first(where: { $0.kind != .model }) ?? named.first else {
            let producers = drafts.filter { [.dataset, .model, .train, .evaluate, .prune, .sweep].contains($0.kind) }
                .map(\.id)
            diagnostics.error(
                "no directive named `\(path.root)`", at: path.location, length: path.root.count,
                suggestion: Spelling.suggestion(for: path.root, in: producers))
            return nil
        }
        let values = Self.values(of: owner.kind, payload: owner.payload, train: trainDecl, model: modelDecl)
        guard !values.isEmpty else {
            if owner.payload != nil
                || ![.dataset, .model, .train, .evaluate, .prune, .sweep, .compare].contains(owner.kind)
            {
                diagnostics.error(
                    "`\(path.root)` is a `\(owner.kind.rawValue)` directive, which has no values to quote",
                    at: path.location, length: path.root.count)
            }
            return nil
        }
        guard owner.payload != nil else { return owner.kind }  // its own errors are reported already
        let member = path.members.joined(separator: ".")
        guard let shape = values[member]?.shape else {
            let keys = values.keys.sorted()
            var hint = Spelling.suggestion(for: member, in: keys)
            if hint == nil, member.hasPrefix("history.val_"), case .train(let t)? = owner.payload,
                t.validationSplit == 0
            {
                hint = "`\(owner.id)` has no validation data; set `validation_split:` to record `val_` series"
            }
            diagnostics.error(
                member.isEmpty
                    ? "`\(path.root)` needs a value name, e.g. `\(path.root).\(keys[0])`"
                    : "`\(owner.kind.rawValue)` directive `\(owner.id)` has no value `\(member)`",
                at: span.location, length: span.length,
                suggestion: hint ?? "it has \(keys.map { "`\($0)`" }.joined(separator: ", "))")
            return owner.kind
        }
        if shape == .series {
            if wantsSeries { return owner.kind }
            guard !path.accessors.isEmpty else {
                diagnostics.error(
                    "`\(path.dotted)` is a series; pick one value from it", at: span.location, length: span.length,
                    suggestion: "add `.last`, `.min`, `.argmin` or `[i]`, e.g. `\(path.dotted).last`")
                return owner.kind
            }
            if path.accessors.count > 1 {
                diagnostics.error(
                    "only one accessor can pick from a series; `\(path.accessors[1].spelling)` has nothing to pick from",
                    at: span.location, length: span.length)
            }
            if case .index(let i) = path.accessors[0], !owner.hadErrors,
                let (count, what) = Self.seriesLength(owner.payload),
                abs(i) > count
            {
                diagnostics.error(
                    "`\(path.dotted)[\(i)]` is out of range: `\(owner.id)` \(what)",
                    at: span.location, length: span.length, suggestion: "positions run from 1 to \(count)")
            }
        } else {
            if wantsSeries {
                diagnostics.error(
                    "`\(path.dotted)` is a single value, not a series", at: span.location, length: span.length,
                    suggestion: Spelling.closest(
                        to: member, in: values.filter { $0.value.shape == .series }.keys.sorted()
                    )
                    .map { "did you mean `\(path.root).\($0)`?" })
            } else if let a = path.accessors.first {
                diagnostics.error(
                    "`\(path.dotted)` is a single value; `\(a.spelling)` needs a series", at: span.location,
                    length: span.length, suggestion: "write `\(path.dotted)`")
            }
        }
        return owner.kind
    }

    /// How many values the series of a directive hold, known before anything runs, and how to say it:
    /// a training run's histories have one per epoch, a prune one per sparsity, a sweep one per value.
    static func seriesLength(_ payload: DirectivePayload?) -> (Int, String)? {
        switch payload {
        case .train(let t)?: return (t.epochs, "trains for \(t.epochs) epoch\(t.epochs == 1 ? "" : "s")")
        case .prune(let p)?:
            return (p.sparsity.count, "prunes to \(p.sparsity.count) sparsit\(p.sparsity.count == 1 ? "y" : "ies")")
        case .sweep(let w)?: return (w.values.count, "sweeps \(w.values.count) value\(w.values.count == 1 ? "" : "s")")
        default: return nil
        }
    }
}
