import Charts
import NotebookFormat
import Statistics

/// The shaded band of a replicated series: at each epoch, the mean over seeds ± the half-width of
/// its 95 % confidence interval, t₀.₉₇₅,ₙ₋₁ · sd/√n (Statistics' `Summary.ci95`).
struct ReplicateBand {
    let seeds: Int
    let range: SeriesRange

    /// Nil unless `value` holds one series per seed (two or more).
    init?(_ value: Value) {
        guard case .replicates(let replicates) = value, replicates.count > 1 else { return nil }
        let series = replicates.compactMap { replicate -> [Double]? in
            if case .series(let s) = replicate { return s }
            return nil
        }
        guard series.count == replicates.count, let length = series.map(\.count).min() else { return nil }
        let summaries = (0..<length).map { i in Summary(series.map { $0[i] }) }
        seeds = series.count
        range = SeriesRange(
            lower: summaries.map { $0.mean - $0.ci95 }, upper: summaries.map { $0.mean + $0.ci95 })
    }
}
