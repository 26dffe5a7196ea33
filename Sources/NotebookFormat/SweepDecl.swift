import Vocabulary

/// A `sweep` directive: one training repeated with one setting changed per point.
public struct SweepDecl: Equatable, Sendable {
    /// The train id whose run is repeated (same model, data, optimizer, seed).
    public var train: String
    public var vary: SweepSetting
    /// One entry per point. For `rate` an entry is one rate for every Dropout layer or a list with
    /// one rate per Dropout layer in order; otherwise a single number.
    public var values: [[Double]]

    public init(train: String, vary: SweepSetting, values: [[Double]]) {
        self.train = train
        self.vary = vary
        self.values = values
    }
}
