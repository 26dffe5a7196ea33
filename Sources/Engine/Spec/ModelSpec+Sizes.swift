/// Element and parameter counts per layer, computed with overflow-checked arithmetic.
///
/// The check stage uses these for every size it reasons about, so a shape such as
/// `Dense(9223372036854775807)` is refused at its layer instead of trapping later.
extension ModelSpec {
    /// One layer's sizes: per-sample output elements and parameters (trainable and not).
    public struct LayerSize: Equatable, Sendable {
        public let outputShape: [Int]
        /// Product of `outputShape`.
        public let outputElements: Int
        /// Keras' count: Conv2D `kh·kw·cin·filters (+ filters)`, Dense `in·units (+ units)`,
        /// BatchNormalization `4·channels` (gamma, beta, moving mean and variance); others 0.
        public let parameters: Int
    }

    /// The sizes of every layer, the input included (index 0).
    /// - Throws: `ShapeError` at the first layer whose shape is invalid or whose size overflows `Int`.
    public func layerSizes() throws -> [LayerSize] {
        let shapes = try outputShapes()
        var sizes: [LayerSize] = []
        for (index, layer) in layers.enumerated() {
            let shape = shapes[index]
            let elements = try Self.checkedProduct(shape, index: index, what: "its output size")
            let input = index == 0 ? shape : shapes[index - 1]
            sizes.append(
                LayerSize(
                    outputShape: shape, outputElements: elements,
                    parameters: try Self.parameterCount(layer, input: input, index: index)))
        }
        return sizes
    }

    /// The model's parameter count (all layers), overflow-checked.
    public func checkedParameterCount() throws -> Int {
        var total = 0
        for (index, size) in try layerSizes().enumerated() {
            total = try Self.checkedSum(total, size.parameters, index: index, what: "the model's parameter count")
        }
        return total
    }

    static func parameterCount(_ layer: LayerSpec, input: [Int], index: Int) throws -> Int {
        switch layer {
        case .conv2D(let filters, let kernelSize, _, _, _, let useBias, _):
            let window = kernelSize.count == 1 ? [kernelSize[0], kernelSize[0]] : kernelSize
            let weights = try checkedProduct(window + [input[2], filters], index: index, what: "its parameter count")
            return try checkedSum(weights, useBias ? filters : 0, index: index, what: "its parameter count")
        case .dense(let units, _, let useBias, _):
            let weights = try checkedProduct([input[0], units], index: index, what: "its parameter count")
            return try checkedSum(weights, useBias ? units : 0, index: index, what: "its parameter count")
        case .batchNormalization:
            return try checkedProduct([4, input[input.count - 1]], index: index, what: "its parameter count")
        case .input, .maxPooling2D, .averagePooling2D, .flatten, .dropout, .activation, .randomFlip, .randomRotation,
            .randomTranslation, .randomZoom, .globalAveragePooling2D, .globalMaxPooling2D:
            return 0
        }
    }

    /// The product of `values`, or a `ShapeError` saying `what` is too large.
    static func checkedProduct(_ values: [Int], index: Int, what: String) throws -> Int {
        var product = 1
        for value in values {
            let (result, overflow) = product.multipliedReportingOverflow(by: value)
            guard !overflow else { throw tooLarge(values, index: index, what: what) }
            product = result
        }
        return product
    }

    static func checkedSum(_ a: Int, _ b: Int, index: Int, what: String) throws -> Int {
        let (result, overflow) = a.addingReportingOverflow(b)
        guard !overflow else {
            throw ShapeError(layerIndex: index, message: "\(what) is larger than \(Int.max); use smaller sizes")
        }
        return result
    }

    private static func tooLarge(_ values: [Int], index: Int, what: String) -> ShapeError {
        ShapeError(
            layerIndex: index,
            message:
                "\(what) \(values.map(String.init).joined(separator: " × ")) is larger than \(Int.max); use smaller sizes"
        )
    }
}
