import Vocabulary

/// Cross-directive checks of `prune`, `sweep` and `histogram`.
extension NotebookChecker {
    func trainDecl(_ id: String) -> TrainDecl? {
        if case .train(let t)? = drafts.first(where: { $0.id == id && $0.kind == .train })?.payload { return t }
        return nil
    }

    func modelDecl(_ id: String) -> ModelDecl? {
        if case .model(let m)? = drafts.first(where: { $0.id == id && $0.kind == .model })?.payload { return m }
        return nil
    }

    /// A histogram's sparsity must be one of its prune's levels and its layer one of the model's
    /// kernels; a `rate` sweep needs Dropout layers and per-layer lists of the right length.
    func checkPruningDirectives() {
        for d in drafts {
            switch d.payload {
            case .histogram(let h)?:
                guard case .prune(let p)? = drafts.first(where: { $0.id == h.prune && $0.kind == .prune })?.payload
                else { continue }
                if let span = h.sparsitySpan, !p.sparsity.contains(h.sparsity) {
                    diagnostics.error(
                        "`\(h.prune)` does not prune to sparsity \(DirectiveDecoder.number(h.sparsity))", at: span,
                        suggestion:
                            "its levels are \(p.sparsity.map { "`\(DirectiveDecoder.number($0))`" }.joined(separator: ", "))"
                    )
                }
                if let layer = h.layer, let span = h.layerSpan, let modelID = trainDecl(p.model)?.model,
                    let m = modelDecl(modelID)
                {
                    let names = LayerSpec.kernelNames(m.specs)
                    if !names.contains(layer) {
                        diagnostics.error(
                            "model `\(modelID)` has no layer with a kernel named `\(layer)`", at: span,
                            suggestion: Spelling.suggestion(for: layer, in: names)
                                ?? "its kernels are \(names.map { "`\($0)`" }.joined(separator: ", "))")
                    }
                }
            case .sweep(let s)?:
                guard s.vary == .rate, let modelID = trainDecl(s.train)?.model, let m = modelDecl(modelID) else {
                    continue
                }
                let dropouts = m.layers.filter {
                    if case .dropout = $0.spec { return true }
                    return false
                }.count
                if dropouts == 0 {
                    diagnostics.error(
                        "`vary: rate` needs a Dropout layer, but model `\(modelID)` has none", at: d.header,
                        suggestion: "add `Dropout(0.5)` to the model (a rate of 0 turns it off)")
                }
                for value in s.values where value.count > 1 && value.count != dropouts {
                    diagnostics.error(
                        "a list of \(value.count) rates needs \(value.count) Dropout layers, but model `\(modelID)` has \(dropouts)",
                        at: d.header)
                }
            default:
                continue
            }
        }
    }
}
