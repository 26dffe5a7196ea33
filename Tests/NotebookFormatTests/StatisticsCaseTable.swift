/// Mistakes in `seeds:`, replicate filters, `{compare}` and `{claim}`, with their whole diagnostics.
/// Each case edits `StatisticsFormatTests.base`; NB_RECORD=1 prints what the parser says.
enum StatisticsCaseTable {
    struct Case {
        var name: String
        var replace: [(String, String)] = []
        var append = ""
        var expected: [String]

        var notebook: String {
            var text = StatisticsFormatTests.base
            for (a, b) in replace {
                precondition(text.contains(a), "case \(name): base has no `\(a)`")
                text = text.replacingOccurrences(of: a, with: b)
            }
            return text + append
        }
    }

    static let holds = "holds: dropout_effect.ci95.high < 0"
    static let seeds = "seeds: 5          # 5 independent replicates"

    /// A case that replaces the second claim's condition.
    static func claim(_ name: String, _ condition: String, _ expected: [String]) -> Case {
        Case(name: name, replace: [(holds, "holds: " + condition)], expected: expected)
    }

    /// A case that appends one inline expression to the prose (line 67).
    static func inline(_ name: String, _ expression: String, _ expected: [String]) -> Case {
        Case(name: name, append: "{{ \(expression) }}\n", expected: expected)
    }

    static let cases: [Case] = [
        Case(
            name: "seeds zero", replace: [(seeds, "seeds: 0")],
            expected: [
                """
                t.md:29:8: error: `seeds` must be at least 1, got `0`
                    seeds: 0
                           ^
                """
            ]),
        Case(
            name: "seeds too many", replace: [(seeds, "seeds: 1001")],
            expected: [
                """
                t.md:29:8: error: `seeds` must be at most 1000, got `1001`
                    seeds: 1001
                           ^~~~
                    each seed trains the model once more; 3 to 10 seeds show the spread
                """
            ]),
        Case(
            name: "seeds text", replace: [(seeds, "seeds: five")],
            expected: [
                """
                t.md:29:8: error: `seeds` must be an integer, got `five`
                    seeds: five
                           ^~~~
                """
            ]),
        Case(
            name: "seeds fraction", replace: [(seeds, "seeds: 2.5")],
            expected: [
                """
                t.md:29:8: error: `seeds` must be an integer, got `2.5`
                    seeds: 2.5
                           ^~~
                """
            ]),
        Case(
            name: "compare without b", replace: [("b: no_dropout.history.val_loss.last\n", "")],
            expected: [
                """
                t.md:42:1: error: `compare` directive `dropout_effect` needs `b:`
                    ```{compare} dropout_effect
                    ^~~
                    add a line such as `b: no_dropout.history.val_loss.last`
                """
            ]),
        Case(
            name: "compare unknown test", replace: [("test: welch", "test: welsh")],
            expected: [
                """
                t.md:45:7: error: unknown test `welsh`
                    test: welsh        # or: paired, bootstrap
                          ^~~~~
                    did you mean `welch`?
                """
            ]),
        Case(
            name: "compare unknown key", replace: [("test: welch", "tests: welch")],
            expected: [
                """
                t.md:45:1: error: unknown key `tests` in `compare` directive `dropout_effect`
                    tests: welch        # or: paired, bootstrap
                    ^~~~~
                    did you mean `test`?
                """
            ]),
        Case(
            name: "compare with filter",
            replace: [("a: with_dropout.history.val_loss.last", "a: with_dropout.history.val_loss.last | mean")],
            expected: [
                """
                t.md:43:4: error: `a` takes a value path, not filters like `mean`
                    a: with_dropout.history.val_loss.last | mean
                       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
                """
            ]),
        Case(
            name: "compare unknown id",
            replace: [("a: with_dropout.history.val_loss.last", "a: with_dropot.history.val_loss.last")],
            expected: [
                """
                t.md:43:4: error: no directive named `with_dropot`
                    a: with_dropot.history.val_loss.last
                       ^~~~~~~~~~~
                    did you mean `with_dropout`?
                """
            ]),
        Case(
            name: "compare whole series",
            replace: [("a: with_dropout.history.val_loss.last", "a: with_dropout.history.val_loss")],
            expected: [
                """
                t.md:43:4: error: `with_dropout.history.val_loss` is a series; pick one value from it
                    a: with_dropout.history.val_loss
                       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~
                    add `.last`, `.min`, `.argmin` or `[i]`, e.g. `with_dropout.history.val_loss.last`
                """
            ]),
        Case(
            name: "compare label",
            replace: [("```{compare} dropout_effect\n", "```{compare} dropout_effect\n#| label: fig-effect\n")],
            expected: [
                """
                t.md:43:11: error: a `compare` directive shows no figure or table, so it cannot have a label
                    #| label: fig-effect
                              ^~~~~~~~~~
                """
            ]),
        Case(
            name: "claim without holds", replace: [(holds + "\n", "")],
            expected: [
                """
                t.md:54:1: error: `claim` directive `dropout_helps` needs `holds:`
                    ```{claim} dropout_helps
                    ^~~
                    add a line such as `holds: dropout_effect.ci95.high < 0`
                """
            ]),
        Case(
            name: "claim without text", replace: [("text: \"Dropout lowers the final validation loss\"\n", "")],
            expected: [
                """
                t.md:54:1: error: `claim` directive `dropout_helps` needs `text:`
                    ```{claim} dropout_helps
                    ^~~
                    add a line such as `text: "Dropout lowers the final validation loss"`
                """
            ]),
        Case(
            name: "claim empty text", replace: [("text: \"Dropout lowers the final validation loss\"", "text: \" \"")],
            expected: [
                """
                t.md:55:7: error: `text` of claim `dropout_helps` is empty
                    text: " "
                          ^~~
                    state the conclusion the condition checks
                """
            ]),
        Case(
            name: "claim label prefix", replace: [("#| label: clm-overfits", "#| label: fig-overfits")],
            expected: [
                """
                t.md:49:11: error: a `claim` label must start with `clm-`
                    #| label: fig-overfits
                              ^~~~~~~~~~~~
                    e.g. `clm-overfits`
                """
            ]),
        Case(
            name: "claim label empty", replace: [("#| label: clm-overfits", "#| label: clm-")],
            expected: [
                """
                t.md:49:11: error: a `claim` label must start with `clm-`
                    #| label: clm-
                              ^~~~
                    e.g. `clm-overfits`
                """
            ]),
        claim(
            "number, not condition", "dropout_effect.ci95.high",
            [
                """
                t.md:56:8: error: `holds:` must be a condition, but `dropout_effect.ci95.high` is a number
                    holds: dropout_effect.ci95.high
                           ^~~~~~~~~~~~~~~~~~~~~~~~
                    compare it with something, e.g. `dropout_effect.ci95.high > 0`
                """
            ]),
        claim(
            "single equals", "dropout_effect.diff = 0",
            [
                """
                t.md:56:28: error: `=` is not a comparison
                    holds: dropout_effect.diff = 0
                                               ^
                    write `==`
                """
            ]),
        claim(
            "chained comparison", "0 < dropout_effect.p < 0.05",
            [
                """
                t.md:56:29: error: comparisons cannot be chained
                    holds: 0 < dropout_effect.p < 0.05
                                                ^
                    join two comparisons with `and`: `a < b and b < c`
                """
            ]),
        claim(
            "and of numbers", "dropout_effect.p and dropout_effect.diff",
            [
                """
                t.md:56:8: error: `and` joins conditions, but `dropout_effect.p` is a number
                    holds: dropout_effect.p and dropout_effect.diff
                           ^~~~~~~~~~~~~~~~
                    compare it, e.g. `dropout_effect.p > 0`
                """
            ]),
        claim(
            "double ampersand", "dropout_effect.p < 0.05 && dropout_effect.diff < 0",
            [
                """
                t.md:56:32: error: unexpected `&&`
                    holds: dropout_effect.p < 0.05 && dropout_effect.diff < 0
                                                   ^~
                    write `and`
                """
            ]),
        claim(
            "bang", "!dropout_effect.p",
            [
                """
                t.md:56:8: error: `!` starts a YAML tag here, so `holds:` reads as empty
                    holds: !dropout_effect.p
                           ^
                    write `not` (or `!=` to compare), or quote the whole condition
                """
            ]),
        claim(
            "unknown function", "avg(no_dropout.history.val_loss.last) > 0.08",
            [
                """
                t.md:56:8: error: unknown function `avg`
                    holds: avg(no_dropout.history.val_loss.last) > 0.08
                           ^~~
                    functions are `abs`, `mean`, `median`, `min`, `max`, `sd`
                """
            ]),
        claim(
            "near-miss function", "meen(no_dropout.history.val_loss.last) > 0.08",
            [
                """
                t.md:56:8: error: unknown function `meen`
                    holds: meen(no_dropout.history.val_loss.last) > 0.08
                           ^~~~
                    did you mean `mean`?
                """
            ]),
        claim(
            "nested aggregates", "mean(sd(no_dropout.history.val_loss.last)) > 0",
            [
                """
                t.md:56:13: error: `mean` of `sd(...)`: `sd` already combined the seeds into one number
                    holds: mean(sd(no_dropout.history.val_loss.last)) > 0
                                ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
                    keep one of them
                """
            ]),
        claim(
            "function without value", "mean() > 0",
            [
                """
                t.md:56:12: error: `mean` needs one value, e.g. `mean(no_dropout_test.accuracy)`
                    holds: mean() > 0
                               ^~
                """
            ]),
        claim(
            "function with two values", "max(no_dropout.epochs, 3) > 0",
            [
                """
                t.md:56:29: error: `max` takes one value
                    holds: max(no_dropout.epochs, 3) > 0
                                                ^
                    it combines the seeds of one replicated value
                """
            ]),
        claim(
            "unclosed parenthesis", "(dropout_effect.p < 0.05",
            [
                """
                t.md:56:8: error: `(` is never closed
                    holds: (dropout_effect.p < 0.05
                           ^
                    add `)` after `dropout_effect.p < 0.05`
                """
            ]),
        claim(
            "stray parenthesis", "dropout_effect.p < 0.05)",
            [
                """
                t.md:56:31: error: unexpected `)` without `(`
                    holds: dropout_effect.p < 0.05)
                                                  ^
                """
            ]),
        claim(
            "filter in claim", "no_dropout.history.val_loss.last | mean > 0.08",
            [
                """
                t.md:56:41: error: filters such as `| fixed(4)` format printed values; a claim compares the numbers
                    holds: no_dropout.history.val_loss.last | mean > 0.08
                                                            ^
                    write `mean(x)` rather than `x | mean`
                """
            ]),
        claim(
            "not of a number", "not dropout_effect.p",
            [
                """
                t.md:56:12: error: `not` needs a condition, but `dropout_effect.p` is a number
                    holds: not dropout_effect.p
                               ^~~~~~~~~~~~~~~~
                """
            ]),
        claim(
            "minus of a condition", "-(dropout_effect.p < 1) < 2",
            [
                """
                t.md:56:9: error: `-` needs a number, but `(dropout_effect.p < 1)` is a condition
                    holds: -(dropout_effect.p < 1) < 2
                            ^~~~~~~~~~~~~~~~~~~~~~
                    use `not` to negate a condition
                """
            ]),
        claim(
            "ends early", "dropout_effect.p <",
            [
                """
                t.md:56:25: error: the condition ends too early: a value is missing
                    holds: dropout_effect.p <
                                            ^
                """
            ]),
        claim(
            "bad number", "1.2.3 < dropout_effect.p",
            [
                """
                t.md:56:8: error: `1.2.3` is not a number
                    holds: 1.2.3 < dropout_effect.p
                           ^~~~~
                """
            ]),
        claim(
            "number into name", "2x < dropout_effect.p",
            [
                """
                t.md:56:8: error: a number cannot run into a name: `2x`
                    holds: 2x < dropout_effect.p
                           ^~
                    multiply with `*`, e.g. `2 * x`
                """
            ]),
        claim(
            "unknown id", "dropout_efect.p < 0.05",
            [
                """
                t.md:56:8: error: no `dataset` or `model` or `train` or `evaluate` or `prune` or `sweep` or `compare` directive named `dropout_efect`
                    holds: dropout_efect.p < 0.05
                           ^~~~~~~~~~~~~
                    did you mean `dropout_effect`?
                """
            ]),
        claim(
            "arithmetic on condition", "(dropout_effect.p < 0.05) + 1 > 0",
            [
                """
                t.md:56:8: error: `+` needs numbers, but `(dropout_effect.p < 0.05)` is a condition
                    holds: (dropout_effect.p < 0.05) + 1 > 0
                           ^~~~~~~~~~~~~~~~~~~~~~~~~
                    put the arithmetic inside the comparison
                """
            ]),
        claim(
            "empty", "\"\"",
            [
                """
                t.md:56:9: error: `holds:` is empty
                    holds: ""
                            ^
                    write a condition such as `a.accuracy > b.accuracy`
                """
            ]),
        inline(
            "replicate zero", "no_dropout[0].history.val_loss.min",
            [
                """
                t.md:65:14: error: replicates are numbered from 1; `no_dropout[0]` does not exist
                    {{ no_dropout[0].history.val_loss.min }}
                                 ^~~
                    `no_dropout[1]` is the first seed
                """
            ]),
        inline(
            "replicate negative", "no_dropout[-1].history.val_loss.min",
            [
                """
                t.md:65:14: error: a replicate number cannot be negative
                    {{ no_dropout[-1].history.val_loss.min }}
                                 ^~~~
                    `no_dropout[1]` is the first seed
                """
            ]),
        inline(
            "pm without decimals", "no_dropout.history.val_loss.last | pm",
            [
                """
                t.md:65:39: error: `pm` needs the number of decimals, e.g. `pm(4)`
                    {{ no_dropout.history.val_loss.last | pm }}
                                                          ^~~
                """
            ]),
        inline(
            "aggregate after formatting", "no_dropout.history.val_loss.last | fixed(4) | mean",
            [
                """
                t.md:65:50: error: `fixed` already turned the value into text; `mean` cannot follow it
                    {{ no_dropout.history.val_loss.last | fixed(4) | mean }}
                                                                     ^~~~
                    put `fixed` last
                """
            ]),
        inline(
            "two aggregates", "no_dropout.history.val_loss.last | mean | sd",
            [
                """
                t.md:65:46: error: `sd` cannot follow `mean`: `mean` already combined the seeds into one number
                    {{ no_dropout.history.val_loss.last | mean | sd }}
                                                                 ^~
                    keep one of them
                """
            ]),
        inline(
            "aggregate after int", "no_dropout.history.val_loss.last | int | mean",
            [
                """
                t.md:65:45: error: `mean` combines the seeds, so it must come before `int`
                    {{ no_dropout.history.val_loss.last | int | mean }}
                                                                ^~~~
                    write `| mean` right after the value
                """
            ]),
        inline(
            "formatting after values", "no_dropout.history.val_loss.last | values(4) | fixed(2)",
            [
                """
                t.md:65:51: error: `values` already turned the value into text; `fixed` cannot follow it
                    {{ no_dropout.history.val_loss.last | values(4) | fixed(2) }}
                                                                      ^~~~~
                    put `values` last
                """
            ]),
        inline(
            "count with argument", "no_dropout.history.val_loss.last | count(2)",
            [
                """
                t.md:65:39: error: `count` takes no arguments
                    {{ no_dropout.history.val_loss.last | count(2) }}
                                                          ^~~~~~~~
                """
            ]),
        inline(
            "pvalue with argument", "dropout_effect.p | pvalue(3)",
            [
                """
                t.md:65:23: error: `pvalue` takes no arguments
                    {{ dropout_effect.p | pvalue(3) }}
                                          ^~~~~~~~~
                """
            ]),
        inline(
            "pm_percent two arguments", "no_dropout.history.val_loss.last | pm_percent(1, 2)",
            [
                """
                t.md:65:39: error: `pm_percent` takes at most one argument, the number of decimals
                    {{ no_dropout.history.val_loss.last | pm_percent(1, 2) }}
                                                          ^~~~~~~~~~~~~~~~
                """
            ]),
        inline(
            "misspelt filter", "no_dropout.history.val_loss.last | meen",
            [
                """
                t.md:65:39: error: unknown filter `meen`
                    {{ no_dropout.history.val_loss.last | meen }}
                                                          ^~~~
                    did you mean `mean`?
                """
            ]),
    ]
}
