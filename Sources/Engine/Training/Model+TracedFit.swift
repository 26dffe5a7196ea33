extension Model {
    /// `fit` that also calls `onStep` after every optimizer update (the model then holds the
    /// weights after that step, readable through `parameters`). Same numbers as `fit`.
    public func fit(
        _ data: Samples, config: FitConfig, generator: inout SeededGenerator,
        progress: (TrainingEvent) -> Void = { _ in }, onStep: (FitStep) -> Void
    ) throws -> History {
        try train(
            data, config: config, generator: &generator, progress: progress, beforeStep: { _ in }, afterStep: {},
            onStep: onStep)
    }
}
