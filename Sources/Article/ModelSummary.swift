/// A Keras-style model summary, as `model.summary()` prints it.
public struct ModelSummary: Sendable {
    /// Model name, shown as `Model: "name"`.
    public var modelName: String
    /// One row per layer.
    public var rows: [ModelSummaryRow]
    /// Sum of all parameters.
    public var totalParameters: Int
    /// Trainable parameters; nil means all are trainable.
    public var trainableParameters: Int?

    public init(modelName: String, rows: [ModelSummaryRow], totalParameters: Int, trainableParameters: Int? = nil) {
        self.modelName = modelName
        self.rows = rows
        self.totalParameters = totalParameters
        self.trainableParameters = trainableParameters
    }
}

/// One layer of a model summary.
public struct ModelSummaryRow: Sendable, Equatable {
    /// `Conv2D` or Keras' `conv2d (Conv2D)` form; shown as is.
    public var layer: String
    /// Output shape as Keras prints it, e.g. `(None, 26, 26, 32)`.
    public var outputShape: String
    /// Number of parameters of the layer.
    public var parameters: Int

    public init(layer: String, outputShape: String, parameters: Int) {
        self.layer = layer
        self.outputShape = outputShape
        self.parameters = parameters
    }
}
