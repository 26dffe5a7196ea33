/// Values and cross-directive checks of `prune`, `sweep` and `histogram`.
extension NotebookChecker {
    /// Values of a `prune` (per sparsity level, in the order written) or a `sweep` (per point);
    /// nil for other payloads. `train` and `model` look directives up by id.
    ///
    /// prune: series `sparsity`, `accuracy`, `loss`, `nonzero`, `nonzero.<layer>` (one per kernel,
    /// Keras' automatic layer names), `size_dense`, `size_sparse`, `size_dense_zlib`,
    /// `size_sparse_zlib`, `size_masked_zlib`, `compression`, `latency_dense_ms`, `latency_sparse_ms`,
    /// `latency_dense_layers_ms`, `latency_sparse_layers_ms`, `speedup`; with `fine_tune` also
    /// `accuracy_finetuned`, `loss_finetuned`, `fine_tune_epochs`; single values `dense_accuracy`, `dense_loss`,
    /// `params`, `prunable`, `seconds`.
    /// sweep: series `values`, `loss_final`, `accuracy_final`, `test_loss`, `test_accuracy`,
    /// `seconds`, and with validation `val_loss_final`, `val_accuracy_final`, `val_loss_min`,
    /// `val_loss_argmin`, `val_accuracy_max`; single value `points`.
    static func pruningValues(
        payload: DirectivePayload?, train: (String) -> TrainDecl?,
        model: (String) -> ModelDecl?
    ) -> [String: ValueShape]? {
        switch payload {
        case .prune(let p)?:
            var v: [String: ValueShape] = [
                "dense_accuracy": .number, "dense_loss": .number, "params": .integer,
                "prunable": .integer, "seconds": .number,
            ]
            for name in [
                "sparsity", "accuracy", "loss", "nonzero", "size_dense", "size_sparse", "size_dense_zlib",
                "size_sparse_zlib", "size_masked_zlib", "compression", "latency_dense_ms", "latency_sparse_ms",
                "latency_dense_layers_ms", "latency_sparse_layers_ms", "speedup",
            ] {
                v[name] = .series
            }
            if p.fineTune != nil {
                v["accuracy_finetuned"] = .series
                v["loss_finetuned"] = .series
                v["fine_tune_epochs"] = .integer
            }
            let modelID = train(p.model)?.model
            for layer in modelID.flatMap(model).map(kernelLayerNames) ?? [] { v["nonzero.\(layer)"] = .series }
            return v
        case .sweep(let s)?:
            var v: [String: ValueShape] = ["points": .integer]
            for name in ["values", "loss_final", "accuracy_final", "test_loss", "test_accuracy", "seconds"] {
                v[name] = .series
            }
            if let t = train(s.train), t.validationSplit > 0 {
                for name in [
                    "val_loss_final", "val_accuracy_final", "val_loss_min", "val_loss_argmin", "val_accuracy_max",
                ] {
                    v[name] = .series
                }
            }
            return v
        default:
            return nil
        }
    }

    /// Keras' automatic names of the layers that have a kernel (Conv2D, Dense): the class stem,
    /// then `_1`, `_2`... for later layers of the same class, as the model summary shows them.
    static func kernelLayerNames(_ model: ModelDecl) -> [String] {
        var counts: [String: Int] = [:]
        var names: [String] = []
        for layer in model.layers {
            let stem: String
            switch layer.kind {
            case .input: continue
            case .conv2D: stem = "conv2d"
            case .maxPooling2D: stem = "max_pooling2d"
            case .averagePooling2D: stem = "average_pooling2d"
            case .flatten: stem = "flatten"
            case .dense: stem = "dense"
            case .dropout: stem = "dropout"
            case .activation: stem = "activation"
            case .batchNormalization: stem = "batch_normalization"
            }
            let n = counts[stem, default: 0]
            counts[stem] = n + 1
            if stem == "conv2d" || stem == "dense" { names.append(n == 0 ? stem : "\(stem)_\(n)") }
        }
        return names
    }

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
                    let names = Self.kernelLayerNames(m)
                    if !names.contains(layer) {
                        diagnostics.error(
                            "model `\(modelID)` has no layer with a kernel named `\(layer)`", at: span,
                            suggestion: Spelling.suggestion(for: layer, in: names)
                                ?? "its kernels are \(names.map { "`\($0)`" }.joined(separator: ", "))")
                    }
                }
            case .sweep(let s)?:
                guard s.vary == "rate", let modelID = trainDecl(s.train)?.model, let m = modelDecl(modelID) else {
                    continue
                }
                let dropouts = m.layers.filter {
                    if case .dropout = $0.kind { return true }
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
