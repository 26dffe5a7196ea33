import Engine

/// A model directive: its engine spec and Keras-style summary (weights come from training).
struct BuiltModel {
    let spec: ModelSpec
    let summary: [SummaryRow]
    let parameterCount: Int
}
