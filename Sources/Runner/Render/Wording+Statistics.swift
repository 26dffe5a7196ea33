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
    /// The legend row under a plot with bands: what the shading shows.
    func bandNote(seeds: Int) -> String {
        language.pick(ja: "網掛け: \(seeds) シードの 95 % 信頼区間", en: "shaded: 95 % CI over \(seeds) seeds")
    }
}
