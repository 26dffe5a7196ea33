extension FilterCall {
    /// What a filter does to the value, which decides where it may stand in a chain.
    enum Role: Equatable {
        /// Turns a replicated value (one number per seed) into one number: `mean`, `median`, `sd`,
        /// `min`, `max`, `ci95`, `count`. Must be the first filter; formatting filters may follow.
        case aggregate
        /// Prints a replicated value as text itself: `pm`, `pm_percent`, `values`. The only filter.
        case replicateText
        /// Changes the number: `int`.
        case number
        /// Turns the number into text: `percent`, `fixed`, `thousands`, `pvalue`. Must be last.
        case text
    }

    /// A filter's role, how many decimals arguments it takes, and the message when the count is wrong.
    struct Rule {
        var role: Role
        var arguments: ClosedRange<Int>
        var usage: String
    }

    /// Every filter, in the order messages list them.
    ///
    /// - `percent(d)`: 100·x with d decimals (default 0) and `%`; `fixed(d)`: d decimals;
    ///   `thousands`: digits grouped by `,`; `int`: rounded half away from zero.
    /// - Over seeds: `mean`, `median`, `sd` (n − 1), `min`, `max`, `ci95` (half-width of the 95 %
    ///   interval of the mean, Student t), `count` (number of replicates).
    /// - `pm(d)`: mean ± sd with d decimals (`0.0962 ± 0.0040`); `pm_percent(d)`: the same as
    ///   percentages (`98.71 ± 0.08%`, d default 0); `values(d)`: every seed's value, `, `-separated
    ///   (d decimals; without d, the default number format).
    /// - `pvalue`: a p-value as `p < 0.001` or `p = 0.012`.
    static let rules: [(name: String, rule: Rule)] = [
        (
            "percent",
            Rule(role: .text, arguments: 0...1, usage: "`percent` takes at most one argument, the number of decimals")
        ),
        ("fixed", Rule(role: .text, arguments: 1...1, usage: "`fixed` needs the number of decimals, e.g. `fixed(4)`")),
        ("thousands", Rule(role: .text, arguments: 0...0, usage: "`thousands` takes no arguments")),
        ("int", Rule(role: .number, arguments: 0...0, usage: "`int` takes no arguments")),
        ("mean", Rule(role: .aggregate, arguments: 0...0, usage: "`mean` takes no arguments")),
        ("median", Rule(role: .aggregate, arguments: 0...0, usage: "`median` takes no arguments")),
        ("sd", Rule(role: .aggregate, arguments: 0...0, usage: "`sd` takes no arguments")),
        ("min", Rule(role: .aggregate, arguments: 0...0, usage: "`min` takes no arguments")),
        ("max", Rule(role: .aggregate, arguments: 0...0, usage: "`max` takes no arguments")),
        ("ci95", Rule(role: .aggregate, arguments: 0...0, usage: "`ci95` takes no arguments")),
        ("count", Rule(role: .aggregate, arguments: 0...0, usage: "`count` takes no arguments")),
        ("pm", Rule(role: .replicateText, arguments: 1...1, usage: "`pm` needs the number of decimals, e.g. `pm(4)`")),
        (
            "pm_percent",
            Rule(
                role: .replicateText, arguments: 0...1,
                usage: "`pm_percent` takes at most one argument, the number of decimals")
        ),
        (
            "values",
            Rule(
                role: .replicateText, arguments: 0...1,
                usage: "`values` takes at most one argument, the number of decimals")
        ),
        ("pvalue", Rule(role: .text, arguments: 0...0, usage: "`pvalue` takes no arguments")),
    ]

    /// The rule of a known filter.
    static func rule(_ name: String) -> Rule? { rules.first { $0.name == name }?.rule }

    /// Filters that combine the seeds of a replicated value (aggregates and replicate texts): one
    /// of them must say how a replicated value prints.
    public static let replicateFilters = rules.filter { [.aggregate, .replicateText].contains($0.rule.role) }.map(
        \.name)

    /// This call combines the seeds of a replicated value (`mean`, `pm(4)`, `count`, ...).
    public var combinesSeeds: Bool { FilterCall.replicateFilters.contains(name) }
}
