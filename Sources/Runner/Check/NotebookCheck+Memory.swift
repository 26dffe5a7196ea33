import Engine
import Foundation
import NotebookFormat

/// The check's memory guard: every `train` is estimated (``TrainingMemory``) before anything runs.
extension NotebookCheck {
    /// The trains whose estimate exceeds the machine's memory, each reported at its `batch_size`
    /// line (or the directive's fence when the model alone does not fit).
    static func memoryDiagnostics(_ notebook: Notebook, machine: Double? = MachineMemory.bytes) -> [Diagnostic] {
        guard let machine else { return [] }
        var seen = Set<SourceLocation>()
        return notebook.directives.compactMap { directive -> Diagnostic? in
            guard case .train(let train) = directive.payload,
                case .model(let model)? = notebook.directive(train.model, kind: .model)?.payload,
                let sizes = try? ModelSpec(layers: model.specs).layerSizes()
            else { return nil }
            let memory = TrainingMemory(sizes: sizes, optimizer: train.optimizer.name)
            let rows = knownTrainingRows(notebook, data: train.data)
            let batch = min(train.batchSize, rows ?? 1)
            let needed = memory.bytes(batch: batch, rows: rows ?? 0)
            guard needed > machine else { return nil }
            if memory.bytes(batch: 1, rows: 0) > machine,
                let modelDirective = notebook.directive(train.model, kind: .model)
            {
                let found = largestLayer(modelDirective, model: model, sizes: sizes, memory: memory, machine: machine)
                return seen.insert(found.location).inserted ? found : nil  // one report for a model trained twice
            }
            let atBatch = rows == nil ? "for one sample" : "at batch \(batch)"
            return diagnostic(
                directive, key: "batch_size",
                message: """
                    train `\(directive.id)`: this model needs ~\(TrainingMemory.format(needed)) to train \(atBatch) \
                    (\(memory.parameters) parameters); this machine has \(TrainingMemory.format(machine))
                    """,
                suggestion: "use a smaller model, or a smaller batch_size")
        }
    }

    /// A model too large to train even one sample, reported at its largest layer.
    static func largestLayer(
        _ directive: Directive, model: ModelDecl, sizes: [ModelSpec.LayerSize], memory: TrainingMemory, machine: Double
    ) -> Diagnostic {
        let cost = sizes.map { 4 * Double($0.parameters) * (2 + memory.optimizerSlots) + 8 * Double($0.outputElements) }
        let index = cost.indices.max { cost[$0] < cost[$1] } ?? 0
        let layer = model.layers[min(index, model.layers.count - 1)]
        let trimmed = layer.text.trimmingCharacters(in: .whitespaces)
        let total = TrainingMemory.format(memory.bytes(batch: 1, rows: 0))
        return Diagnostic(
            location: layer.location,
            message: "model `\(directive.id)` needs ~\(total) to train even one sample "
                + "(\(memory.parameters) parameters; this layer alone ~\(TrainingMemory.format(cost[index]))); "
                + "this machine has \(TrainingMemory.format(machine))",
            sourceLine: layer.text, length: max(trimmed.count, 1),
            suggestion: "use fewer units or filters, or a smaller input")
    }

    /// The training rows the check knows without reading files: `limit`, else the built-in sets' 60,000.
    static func knownTrainingRows(_ notebook: Notebook, data: String) -> Int? {
        guard case .dataset(let decl)? = notebook.directive(data, kind: .dataset)?.payload else { return nil }
        if let limit = decl.trainLimit { return limit }
        switch decl.source {
        case .mnist, .fashionMNIST: return 60_000
        case .idx, .csv: return nil
        }
    }

    /// A diagnostic at the line of `key:` inside `directive`, else at its fence.
    static func diagnostic(_ directive: Directive, key: String, message: String, suggestion: String?) -> Diagnostic {
        let lines = directive.source.components(separatedBy: "\n")
        if let offset = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\(key):") }) {
            let line = lines[offset]
            let column =
                (line.firstIndex(where: { $0 != " " }).map { line.distance(from: line.startIndex, to: $0) } ?? 0)
            return Diagnostic(
                location: SourceLocation(
                    file: directive.location.file, line: directive.location.line + offset, column: column + 1),
                message: message, sourceLine: line, length: max(line.count - column, 1), suggestion: suggestion)
        }
        return Diagnostic(
            location: directive.location, message: message, sourceLine: lines.first ?? "", length: 1,
            suggestion: suggestion)
    }
}
