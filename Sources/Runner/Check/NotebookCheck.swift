import Engine
import Foundation
import NotebookFormat

/// The check stage: format rules (found by the parser), model shapes and sizes (the engine's shape
/// inference with overflow-checked counts, reported at the offending layer's line), each train's
/// memory estimate against the machine's memory, and the plan. Every problem is a
/// diagnostic; if there is any, they are thrown together and nothing runs.
enum NotebookCheck {
    static func check(_ parsed: ParsedNotebook) throws -> Plan {
        let notebook: Notebook
        switch parsed.parsed {
        case .failure(let diagnostics): throw diagnostics
        case .success(let n): notebook = n
        }
        let shapes = notebook.directives.compactMap(shapeDiagnostic)
        if !shapes.isEmpty { throw DiagnosticList(shapes) }
        let memory = memoryDiagnostics(notebook)
        if !memory.isEmpty { throw DiagnosticList(memory) }
        return try Plan(notebook: notebook)
    }

    /// The shape problem of a model directive, if it has one.
    static func shapeDiagnostic(_ directive: Directive) -> Diagnostic? {
        guard case .model(let model) = directive.payload else { return nil }
        do {
            _ = try ModelSpec(layers: model.specs).layerSizes()
            return nil
        } catch let error as ShapeError {
            let index = min(max(error.layerIndex, 0), max(model.layers.count - 1, 0))
            guard model.layers.indices.contains(index) else {
                return Diagnostic(
                    location: directive.location, message: "model `\(directive.id)`: \(error.message)",
                    sourceLine: directive.source.components(separatedBy: "\n").first ?? "", length: 1,
                    suggestion: nil)
            }
            let layer = model.layers[index]
            let trimmed = layer.text.trimmingCharacters(in: .whitespaces)
            return Diagnostic(
                location: layer.location, message: error.message, sourceLine: layer.text,
                length: max(trimmed.count, 1), suggestion: nil)
        } catch {
            return Diagnostic(
                location: directive.location, message: "model `\(directive.id)`: \(error)", sourceLine: "",
                length: 1, suggestion: nil)
        }
    }
}
