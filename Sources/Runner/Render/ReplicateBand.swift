import Charts
import NotebookFormat
import Statistics

/// The spread of a replicated series at each point, as `band:` chooses it: the mean over seeds ±
/// the half-width of its 95 % confidence interval, t₀.₉₇₅,ₙ₋₁ · sd/√n (Statistics' `Summary.ci95`);
/// the mean ± the sample standard deviation (n − 1); or the smallest to the largest value.
/// Drawn as a shaded band under a line, or as error bars at a sweep's points.
struct ReplicateBand {
    let seeds: Int
    let kind: BandKind
    let range: SeriesRange

    /// Nil unless `value` holds one series per seed (two or more) and `kind` draws something.
    init?(_ value: Value, kind: BandKind = .standard) {
        guard kind != .hidden, case .replicates(let replicates) = value, replicates.count > 1 else { return nil }
        let series = replicates.compactMap { replicate -> [Double]? in
            if case .series(let s) = replicate { return s }
            return nil
        }
        guard series.count == replicates.count, let length = series.map(\.count).min() else { return nil }
        let summaries = (0..<length).map { i in Summary(series.map { $0[i] }) }
        seeds = series.count
        self.kind = kind
        switch kind {
        case .ci95:
            range = SeriesRange(
                lower: summaries.map { $0.mean - $0.ci95 }, upper: summaries.map { $0.mean + $0.ci95 })
        case .sd:
            range = SeriesRange(lower: summaries.map { $0.mean - $0.sd }, upper: summaries.map { $0.mean + $0.sd })
        case .range:
            range = SeriesRange(lower: summaries.map(\.min), upper: summaries.map(\.max))
        case .hidden:
            return nil
        }
    }
}
