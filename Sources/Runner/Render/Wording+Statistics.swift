import Foundation
import NotebookFormat
import Statistics

extension Wording {
    /// A compare's one-line result: the difference with its 95 % interval, p, Cohen's d and the seeds.
    ///
    /// `dropout_effect` (Welch): a − b = −0.0123, 95 % CI [−0.0201, −0.0045], p = 0.006, d = −2.31, n = 5 and 5.
    func comparison(_ c: Comparison, id: String) -> String {
        func number(_ x: Double) -> String { String(format: "%.4g", x) }
        let p = NotebookFormat.Expression.pValue(c.p)
        let test = c.test.rawValue
        return language.pick(
            ja: "**`\(id)`**(\(test)):a − b = \(number(c.diff))、95 % 信頼区間 [\(number(c.ci95Low)), "
                + "\(number(c.ci95High))]、\(p)、d = \(String(format: "%.2f", c.effect))、シード数 \(c.countA) と \(c.countB)",
            en: "**`\(id)`** (\(test)): a − b = \(number(c.diff)), 95 % CI [\(number(c.ci95Low)), "
                + "\(number(c.ci95High))], \(p), d = \(String(format: "%.2f", c.effect)), n = \(c.countA) and \(c.countB)"
        )
    }
}

extension Wording {
    /// The legend row under a plot with bands or error bars: what each spread shows, once per
    /// distinct kind ("shaded: 95 % CI over 5 seeds; error bars: min to max over 3 seeds").
    func bandNote(_ spreads: [(band: ReplicateBand, errorBars: Bool)]) -> String? {
        var seen: [String] = []
        for (band, errorBars) in spreads {
            let text = spreadNote(band.kind, seeds: band.seeds, errorBars: errorBars)
            if !seen.contains(text) { seen.append(text) }
        }
        return seen.isEmpty ? nil : seen.joined(separator: language.pick(ja: "、", en: "; "))
    }

    /// One spread: how it is drawn, what it spans and over how many seeds.
    private func spreadNote(_ kind: BandKind, seeds: Int, errorBars: Bool) -> String {
        let drawn = errorBars ? language.pick(ja: "誤差棒", en: "error bars") : language.pick(ja: "網掛け", en: "shaded")
        let spans: String
        switch kind {
        case .ci95: spans = language.pick(ja: "\(seeds) シードの 95 % 信頼区間", en: "95 % CI over \(seeds) seeds")
        case .sd: spans = language.pick(ja: "\(seeds) シードの平均 ± 標準偏差", en: "mean ± sd over \(seeds) seeds")
        case .range: spans = language.pick(ja: "\(seeds) シードの最小〜最大", en: "min to max over \(seeds) seeds")
        case .hidden: preconditionFailure("`band: none` draws no spread")
        }
        return "\(drawn): \(spans)"
    }
}
