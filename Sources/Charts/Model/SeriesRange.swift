/// A lower and an upper value for every point of a series: what a shaded band or error bars span
/// (e.g. mean ± 95 % CI over seeds). Values are in data units, not offsets from the line; a
/// non-finite value (or one a log axis cannot show) leaves that point without band or bar.
public struct SeriesRange: Sendable, Equatable {
    /// The lower end at each point.
    public var lower: [Double]
    /// The upper end at each point.
    public var upper: [Double]

    /// A range from per-point ends; they must have one value per point of the series.
    public init(lower: [Double], upper: [Double]) {
        self.lower = lower
        self.upper = upper
    }
}
