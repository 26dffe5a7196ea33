import Engine
import NotebookFormat

/// Turns the notebook's Keras layer declarations into the engine's layer specs, and reports
/// shape problems (a kernel larger than its input, ...) at the line of the offending layer.
enum LayerTranslation {
    static func spec(for model: ModelDecl) -> ModelSpec {
        ModelSpec(layers: model.layers.map { layer(for: $0.kind) })
    }

    static func layer(for kind: LayerKind) -> LayerSpec {
        switch kind {
        case .input(let shape):
            return .input(shape: shape)
        case .conv2D(let filters, let kernelSize, let strides, let padding, let activation, let useBias):
            return .conv2D(
                filters: filters, kernelSize: kernelSize, strides: strides,
                padding: Padding(rawValue: padding) ?? .valid,
                activation: Activation(rawValue: activation) ?? .linear, useBias: useBias)
        case .maxPooling2D(let poolSize, let strides, let padding):
            return .maxPooling2D(poolSize: poolSize, strides: strides, padding: Padding(rawValue: padding) ?? .valid)
        case .averagePooling2D(let poolSize, let strides, let padding):
            return .averagePooling2D(
                poolSize: poolSize, strides: strides, padding: Padding(rawValue: padding) ?? .valid)
        case .flatten:
            return .flatten
        case .dense(let units, let activation, let useBias):
            return .dense(units: units, activation: Activation(rawValue: activation) ?? .linear, useBias: useBias)
        case .dropout(let rate):
            return .dropout(rate: Float(rate))
        case .activation(let name):
            return .activation(Activation(rawValue: name) ?? .linear)
        case .batchNormalization(let momentum, let epsilon):
            return .batchNormalization(momentum: Float(momentum), epsilon: Float(epsilon))
        }
    }

    /// Shape-checks every model directive; returns one diagnostic per model that fails.
    static func shapeDiagnostics(in notebook: Notebook) -> [Diagnostic] {
        notebook.directives.compactMap { directive -> Diagnostic? in
            guard case .model(let model) = directive.payload else { return nil }
            do {
                _ = try spec(for: model).outputShapes()
                return nil
            } catch let error as ShapeError {
                let index = min(max(error.layerIndex, 0), max(model.layers.count - 1, 0))
                guard model.layers.indices.contains(index) else {
                    return Diagnostic(
                        location: directive.location, message: "model `\(directive.id)`: \(error.message)",
                        sourceLine: directive.source.components(separatedBy: "\n").first ?? "",
                        length: 1, suggestion: nil)
                }
                let layer = model.layers[index]
                let trimmed = layer.text.trimmingCharacters(in: .whitespaces)
                return Diagnostic(
                    location: layer.location, message: error.message, sourceLine: layer.text,
                    length: max(trimmed.count, 1), suggestion: nil)
            } catch {
                return Diagnostic(
                    location: directive.location, message: "model `\(directive.id)`: \(error)",
                    sourceLine: "", length: 1, suggestion: nil)
            }
        }
    }
}
