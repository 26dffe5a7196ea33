import Engine

extension Model {
    /// A model of `spec` holding `weights` (its initial weights are all replaced, so the generator
    /// that drew them does not matter).
    static func restored(spec: ModelSpec, weights: [[Float]]) throws -> Model {
        var unused = SeededGenerator(seed: 0)
        let model = try Model(spec: spec, generator: &unused)
        model.parameters = weights
        return model
    }
}
