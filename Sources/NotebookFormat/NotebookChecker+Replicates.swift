import Vocabulary

/// How a directive or prose uses a value path, which decides what replicates need.
enum PathUseKind {
    /// Printed (prose, table cells): a replicated value needs a filter that combines its seeds.
    case printed
    /// A table cell: a replicated value without a filter shows mean ± sd.
    case tabled
    /// A side of a `compare`: needs at least 2 seeds.
    case compared
    /// Inside a claim's condition: per seed, or combined by a function.
    case claimed

    init(_ kind: DirectiveKind) {
        switch kind {
        case .compare: self = .compared
        case .claim: self = .claimed
        case .table: self = .tabled
        default: self = .printed
        }
    }
}

extension NotebookChecker {
    /// How many replicates a directive's values have: a train's `seeds`; an evaluation, a prune and
    /// a sweep follow their train (replicate i uses replicate i of the model); 1 for every other
    /// kind. The runner asks the same question through `Notebook.replicates(of:)`.
    static func replicates(of payload: DirectivePayload?, train: (String) -> TrainDecl?) -> Int {
        switch payload {
        case .train(let t)?: return t.seeds
        case .evaluate(let e)?: return train(e.model)?.seeds ?? 1
        case .prune(let p)?: return train(p.model)?.seeds ?? 1
        case .sweep(let s)?: return train(s.train)?.seeds ?? 1
        default: return 1
        }
    }

    /// The seeds an expression's value has after `id[i]` (1 for one replicate).
    func seeds(of path: ValuePath) -> (owner: Int, value: Int)? {
        guard let owner = drafts.first(where: { $0.id == path.root && $0.kind != .model }), owner.payload != nil,
            !owner.hadErrors, !trainHadErrors(owner)
        else { return nil }
        var n = Self.replicates(of: owner.payload, train: trainDecl)
        let member = path.members.joined(separator: ".")
        if let produced = Self.values(of: owner.kind, payload: owner.payload, train: trainDecl, model: modelDecl)[
            member], produced.isSameInEverySeed
        {
            n = 1
        }
        return (n, path.replicate == nil ? n : 1)
    }

    /// `id[i]` within range; a printed replicated value says how to combine its seeds; `sd` and
    /// `ci95` need two seeds; a compared value needs two seeds.
    func checkReplicates(_ e: Expression, span: Span, use: PathUseKind) {
        guard let (owner, n) = seeds(of: e.path) else { return }
        if let i = e.path.replicate, i > owner {
            diagnostics.error(
                "`\(e.path.root)[\(i)]` is out of range: `\(e.path.root)` has \(owner) seed\(owner == 1 ? "" : "s")",
                at: e.path.location, length: e.path.root.count + String(i).count + 2,
                suggestion: owner == 1
                    ? "write `\(e.path.root)` (set `seeds:` on its train for replicates)"
                    : "replicates run from 1 to \(owner)")
            return
        }
        switch use {
        case .printed, .tabled:
            let combiner = e.filters.first(where: \.combinesSeeds)
            if n > 1, combiner == nil, use == .printed {
                diagnostics.error(
                    "`\(e.path.dotted)` has \(n) seeds: say `mean`, `pm(4)`, `values`, ... to print it",
                    at: span.location, length: span.length,
                    suggestion: "e.g. `\(e.source) | mean` or `\(e.path.dotted)\(accessorText(e.path)) | pm(4)`")
            } else if n == 1, let c = combiner, ["sd", "ci95"].contains(c.name) {
                diagnostics.error(
                    "`\(c.name)` needs at least 2 seeds, but `\(e.path.dotted)` has 1", at: span.location,
                    length: span.length, suggestion: "set `seeds:` on the train, e.g. `seeds: 5`")
            }
        case .compared:
            if n < 2 {
                diagnostics.error(
                    "a comparison needs at least 2 seeds a side, but `\(e.path.dotted)` has \(n)",
                    at: span.location, length: span.length,
                    suggestion: e.path.replicate == nil
                        ? "set `seeds:` on its train, e.g. `seeds: 5`" : "drop `[\(e.path.replicate!)]`")
            }
        case .claimed:
            break
        }
    }

    /// Whether the train behind an evaluation had errors (its `seeds` may be a stand-in).
    private func trainHadErrors(_ owner: DirectiveDraft) -> Bool {
        guard case .evaluate(let e)? = owner.payload else { return false }
        return drafts.first { $0.id == e.model && $0.kind == .train }?.hadErrors ?? false
    }

    private func accessorText(_ path: ValuePath) -> String {
        path.accessors.first.map { $0.spelling } ?? ""
    }

    /// `test: paired` pairs seed i with seed i, so both sides need as many seeds.
    func checkPairedCompares() {
        for d in drafts {
            guard case .compare(let c)? = d.payload, c.test == .paired,
                let a = seeds(of: c.a)?.value, let b = seeds(of: c.b)?.value, a != b, a >= 2, b >= 2
            else { continue }
            diagnostics.error(
                "`test: paired` pairs seed i of a with seed i of b, but a has \(a) seeds and b has \(b)",
                at: d.header.location, length: d.header.length,
                suggestion: "give both trains the same `seeds:`, or use `test: welch`")
        }
    }
}

extension ProducedValue {
    /// Whether every replicate gives the same number, because the value is a setting or a shape
    /// rather than a result (a prune's `sparsity`, `params`, `prunable`, `size_dense`,
    /// `fine_tune_epochs`; a sweep's `values` and `points`; a train's `params`): such a value is
    /// one number even when its directive is replicated, and prints without a filter over seeds.
    public var isSameInEverySeed: Bool {
        switch self {
        case .prune(let v): return [.sparsity, .params, .prunable, .sizeDense, .fineTuneEpochs].contains(v)
        case .sweep(let v): return v == .values || v == .points
        case .train(let v): return v == .params
        default: return false
        }
    }
}

extension Notebook {
    /// How many values over seeds `path` names before `[i]` picks one: its directive's replicates
    /// (see `NotebookChecker.replicates`), or 1 for a value that is the same in every seed.
    public func replicates(of path: ValuePath) -> Int {
        let member = path.members.joined(separator: ".")
        if let produced = values(of: path.root)[member], produced.isSameInEverySeed { return 1 }
        return replicates(of: path.root)
    }

    /// How many replicates directive `id`'s values have (see `NotebookChecker.replicates`).
    public func replicates(of id: String) -> Int {
        let d = directives.first { $0.id == id && $0.kind != .model }
        return NotebookChecker.replicates(of: d?.payload) { trainID in
            if case .train(let t)? = self.directive(trainID, kind: .train)?.payload { return t }
            return nil
        }
    }
}
