/// The malformed notebooks of `MalformedNotebookTests`, with their expected diagnostics.
enum CaseTable {
    typealias Case = MalformedNotebookTests.Case

    static let cases: [Case] = [
        Case(
            name: "unknown kind", replace: [("{train} m", "{trian} m")],
            expected: [
                """
                t.md:17:5: error: unknown directive kind `trian`
                    ```{trian} m
                        ^~~~~
                    did you mean `train`?
                """
            ]),
        Case(
            name: "missing id", replace: [("{evaluate} e", "{evaluate}")],
            expected: [
                """
                t.md:26:4: error: `evaluate` directive needs an id
                    ```{evaluate}
                       ^~~~~~~~~~
                    write ```{evaluate} name, e.g. ```{evaluate} no_dropout_test
                """
            ]),
        Case(
            name: "invalid id", replace: [("{evaluate} e", "{evaluate} e-1")],
            expected: [
                """
                t.md:26:15: error: `e-1` is not a valid id
                    ```{evaluate} e-1
                                  ^~~
                    ids use letters, digits and `_` and start with a letter, e.g. `e_1`
                """
            ]),
        Case(
            name: "duplicate id", replace: [("{evaluate} e", "{evaluate} mnist")],
            expected: [
                """
                t.md:26:15: error: duplicate id `mnist`: the `dataset` directive on line 7 already uses it
                    ```{evaluate} mnist
                                  ^~~~~
                """
            ]),
        Case(
            name: "unclosed fence", append: "```{evaluate} e2\nmodel: m\n",
            expected: [
                """
                t.md:31:1: error: this directive's fence is never closed
                    ```{evaluate} e2
                    ^~~
                    end the block with a line ```
                """
            ]),
        Case(
            name: "unknown train key", replace: [("validation_split: 0.2", "validation_split: 0.2\nepoch: 3")],
            expected: [
                """
                t.md:24:1: error: unknown key `epoch` in `train` directive `m`
                    epoch: 3
                    ^~~~~
                    did you mean `epochs`?
                """
            ]),
        Case(
            name: "epochs zero", replace: [("epochs: ${epochs}", "epochs: 0")],
            expected: [
                """
                t.md:22:9: error: `epochs` must be at least 1, got `0`
                    epochs: 0
                            ^
                """
            ]),
        Case(
            name: "epochs not an integer", replace: [("epochs: ${epochs}", "epochs: 2.5")],
            expected: [
                """
                t.md:22:9: error: `epochs` must be an integer, got `2.5`
                    epochs: 2.5
                            ^~~
                """
            ]),
        Case(
            name: "validation_split out of range", replace: [("validation_split: 0.2", "validation_split: 1.5")],
            expected: [
                """
                t.md:23:19: error: `validation_split` must be >= 0 and < 1, got `1.5`
                    validation_split: 1.5
                                      ^~~
                """
            ]),
        Case(
            name: "batch_size zero", replace: [("validation_split: 0.2", "validation_split: 0.2\nbatch_size: 0")],
            expected: [
                """
                t.md:24:13: error: `batch_size` must be at least 1, got `0`
                    batch_size: 0
                                ^
                """
            ]),
        Case(
            name: "unknown optimizer", replace: [("optimizer: adam", "optimizer: nadam")],
            expected: [
                """
                t.md:19:12: error: unknown optimizer `nadam`
                    optimizer: nadam
                               ^~~~~
                    did you mean `adam`?
                """
            ]),
        Case(
            name: "unknown optimizer option",
            replace: [("optimizer: adam", "optimizer: {name: adam, learning_rat: 0.01}")],
            expected: [
                """
                t.md:19:25: error: unknown key `learning_rat` in `adam` optimizer
                    optimizer: {name: adam, learning_rat: 0.01}
                                            ^~~~~~~~~~~~
                    did you mean `learning_rate`?
                """
            ]),
        Case(
            name: "unknown loss",
            replace: [("loss: sparse_categorical_crossentropy", "loss: sparse_categorical_crossentropi")],
            expected: [
                """
                t.md:20:7: error: unknown loss `sparse_categorical_crossentropi`
                    loss: sparse_categorical_crossentropi
                          ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
                    did you mean `sparse_categorical_crossentropy`?
                """
            ]),
        Case(
            name: "unknown metric", replace: [("metrics: [accuracy]", "metrics: [acuracy]")],
            expected: [
                """
                t.md:21:11: error: unknown metric `acuracy`
                    metrics: [acuracy]
                              ^~~~~~~
                    did you mean `accuracy`?
                """
            ]),
        Case(
            name: "unknown dataset", replace: [("data: mnist", "data: mnsit")],
            expected: [
                """
                t.md:18:7: error: no `dataset` directive named `mnsit`
                    data: mnsit
                          ^~~~~
                    did you mean `mnist`?
                """
            ]),
        Case(
            name: "evaluate names a dataset", replace: [("model: m\n```\n\nText", "model: mnist\n```\n\nText")],
            expected: [
                """
                t.md:27:8: error: `model` must name a `train` directive, but `mnist` is a `dataset`
                    model: mnist
                           ^~~~~
                """
            ]),
        Case(
            name: "unknown keyword argument", replace: [("Dense(10, activation=", "Dense(10, activaton=")],
            expected: [
                """
                t.md:14:11: error: `Dense` has no argument `activaton`
                    Dense(10, activaton="softmax")
                              ^~~~~~~~~
                    did you mean `activation`?
                """
            ]),
        Case(
            name: "filters not an int", replace: [("Flatten()", "Conv2D(\"32\", 3)\nFlatten()")],
            expected: [
                """
                t.md:13:8: error: `Conv2D` argument `filters` must be a positive integer, got `"32"`
                    Conv2D("32", 3)
                           ^~~~
                """
            ]),
        Case(
            name: "dropout rate", replace: [("Flatten()", "Flatten()\nDropout(rate=1.5)")],
            expected: [
                """
                t.md:14:14: error: `Dropout` argument `rate` must be >= 0 and < 1, got `1.5`
                    Dropout(rate=1.5)
                                 ^~~
                """
            ]),
        Case(
            name: "unknown layer", replace: [("Flatten()", "Conv2d(32, 3)\nFlatten()")],
            expected: [
                """
                t.md:13:1: error: unknown layer `Conv2d`
                    Conv2d(32, 3)
                    ^~~~~~
                    did you mean `Conv2D`?
                """
            ]),
        Case(
            name: "unknown activation", replace: [("activation=\"softmax\"", "activation=\"softmx\"")],
            expected: [
                """
                t.md:14:22: error: unknown activation `softmx`
                    Dense(10, activation="softmx")
                                         ^~~~~~~~
                    did you mean `softmax`?
                """
            ]),
        Case(
            name: "unknown padding", replace: [("Flatten()", "MaxPooling2D(padding=\"vaild\")\nFlatten()")],
            expected: [
                """
                t.md:13:22: error: unknown padding `vaild` in `MaxPooling2D`
                    MaxPooling2D(padding="vaild")
                                         ^~~~~~~
                    did you mean `valid`?
                """
            ]),
        Case(
            name: "unsupported argument", replace: [("Flatten()", "Conv2D(8, 3, dilation_rate=2)\nFlatten()")],
            expected: [
                """
                t.md:13:14: error: nbrun does not support `dilation_rate=2` in `Conv2D`
                    Conv2D(8, 3, dilation_rate=2)
                                 ^~~~~~~~~~~~~
                    remove it (Keras' default is `(1, 1)`)
                """
            ]),
        Case(
            name: "no input", replace: [("Input(shape=(28, 28, 1))\n", "")],
            expected: [
                """
                t.md:12:1: error: the model needs an input shape
                    Flatten()
                    ^~~~~~~~~
                    start with a line `Input(shape=(28, 28, 1))`
                """
            ]),
        Case(
            name: "input not first", replace: [("Flatten()", "Flatten()\nInput(shape=(4,))")],
            expected: [
                """
                t.md:14:1: error: `Input` must be the first layer
                    Input(shape=(4,))
                    ^~~~~
                """
            ]),
        Case(
            name: "JSON boolean in Python", replace: [("activation=\"softmax\"", "use_bias=true")],
            expected: [
                """
                t.md:14:20: error: `true` is not Python
                    Dense(10, use_bias=true)
                                       ^~~~
                    write `True`
                """
            ]),
        Case(
            name: "unquoted string in Python", replace: [("activation=\"softmax\"", "activation=relu")],
            expected: [
                """
                t.md:14:22: error: `relu` is not a value
                    Dense(10, activation=relu)
                                         ^~~~
                    strings need quotes: `"relu"`
                """
            ]),
        Case(
            name: "unclosed call", replace: [("Flatten()", "Flatten(")],
            expected: [
                """
                t.md:13:1: error: `(` of `Flatten` is never closed
                    Flatten(
                    ^~~~~~~
                    add `)`
                """
            ]),
        Case(
            name: "unknown param", replace: [("epochs: ${epochs}", "epochs: ${epoch}")],
            expected: [
                """
                t.md:22:9: error: no param `epoch` in the front matter
                    epochs: ${epoch}
                            ^~~~~~~~
                    did you mean `epochs`?
                """
            ]),
        Case(
            name: "bad override", overrides: ["epochs": "many"],
            expected: [
                """
                t.md:4:3: error: `--set epochs=many`: param `epochs` is an integer (its default is `20`)
                      epochs: 20
                      ^~~~~~
                """
            ]),
        Case(
            name: "override of unknown param", overrides: ["epoch": "3"],
            expected: [
                """
                t.md:3:1: error: `--set epoch=3`: the front matter declares no param `epoch`
                    params:
                    ^~~~~~
                    did you mean `epochs`?
                """
            ]),
        Case(
            name: "unknown front matter key", replace: [("title: Base", "titel: Base")],
            expected: [
                """
                t.md:2:1: error: unknown key `titel` in the front matter
                    titel: Base
                    ^~~~~
                    did you mean `title`?
                """
            ]),
        Case(
            name: "invalid YAML", replace: [("source: mnist", "source: [mnist")],
            expected: [
                """
                t.md:8:9: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)
                    source: [mnist
                            ^
                """
            ]),
        Case(
            name: "dataset with two sources", replace: [("source: mnist", "source: mnist\ncsv: digits.csv")],
            expected: [
                """
                t.md:9:1: error: give only one of `source:`, `idx:` and `csv:`
                    csv: digits.csv
                    ^~~
                """
            ]),
        Case(
            name: "unknown value in prose", append: "Best {{ m.history.val_los.min }}.\n",
            expected: [
                """
                t.md:31:9: error: `train` directive `m` has no value `history.val_los`
                    Best {{ m.history.val_los.min }}.
                            ^~~~~~~~~~~~~~~~~
                    did you mean `history.val_loss`?
                """
            ]),
        Case(
            name: "series without accessor in prose", append: "Loss {{ m.history.loss }}.\n",
            expected: [
                """
                t.md:31:9: error: `m.history.loss` is a series; pick one value from it
                    Loss {{ m.history.loss }}.
                            ^~~~~~~~~~~~~~
                    add `.last`, `.min`, `.argmin` or `[i]`, e.g. `m.history.loss.last`
                """
            ]),
        Case(
            name: "accessor on a single value", append: "Params {{ m.params.last }}.\n",
            expected: [
                """
                t.md:31:11: error: `m.params` is a single value; `.last` needs a series
                    Params {{ m.params.last }}.
                              ^~~~~~~~
                    write `m.params`
                """
            ]),
        Case(
            name: "zero index", append: "First {{ m.history.loss[0] }}.\n",
            expected: [
                """
                t.md:31:24: error: positions are 1-based; `[0]` does not exist
                    First {{ m.history.loss[0] }}.
                                           ^~~
                    use `[1]` (or `.first`) for the first value
                """
            ]),
        Case(
            name: "index past the last epoch", append: "Late {{ m.history.loss[21] }}.\n",
            expected: [
                """
                t.md:31:9: error: `m.history.loss[21]` is out of range: `m` trains for 20 epochs
                    Late {{ m.history.loss[21] }}.
                            ^~~~~~~~~~~~~~
                    positions run from 1 to 20
                """
            ]),
        Case(
            name: "unknown filter", append: "Acc {{ e.accuracy | percnt(2) }}.\n",
            expected: [
                """
                t.md:31:21: error: unknown filter `percnt`
                    Acc {{ e.accuracy | percnt(2) }}.
                                        ^~~~~~
                    did you mean `percent`?
                """
            ]),
        Case(
            name: "fixed without decimals", append: "Acc {{ e.accuracy | fixed }}.\n",
            expected: [
                """
                t.md:31:21: error: `fixed` needs the number of decimals, e.g. `fixed(4)`
                    Acc {{ e.accuracy | fixed }}.
                                        ^~~~~~
                """
            ]),
        Case(
            name: "unknown root in prose", append: "Acc {{ ee.accuracy }}.\n",
            expected: [
                """
                t.md:31:8: error: no directive named `ee`
                    Acc {{ ee.accuracy }}.
                           ^~
                """
            ]),
        Case(
            name: "unclosed inline expression", append: "Acc {{ e.accuracy.\n",
            expected: [
                """
                t.md:31:5: error: unclosed `{{`
                    Acc {{ e.accuracy.
                        ^~
                    close it with `}}`, or write `\\{{` for literal braces
                """
            ]),
        Case(
            name: "unknown cross-reference",
            append: "See @fig-los.\n\n```{plot} p\n#| label: fig-loss\nseries: [m.history.loss]\n```\n",
            expected: [
                """
                t.md:31:5: error: no figure or table is labelled `fig-los`
                    See @fig-los.
                        ^~~~~~~~
                    did you mean `@fig-loss`?
                """
            ]),
        Case(
            name: "plot of a single value", append: "```{plot} p\nseries:\n  - {y: m.params, label: params}\n```\n",
            expected: [
                """
                t.md:33:9: error: `m.params` is a single value, not a series
                      - {y: m.params, label: params}
                            ^~~~~~~~
                """
            ]),
        Case(
            name: "plot label prefix", append: "```{plot} p\n#| label: tbl-loss\nseries: [m.history.loss]\n```\n",
            expected: [
                """
                t.md:32:11: error: a `plot` label must start with `fig-`
                    #| label: tbl-loss
                              ^~~~~~~~
                    e.g. `fig-loss`
                """
            ]),
        Case(
            name: "unknown display option", append: "```{plot} p\n#| ech: false\nseries: [m.history.loss]\n```\n",
            expected: [
                """
                t.md:32:4: error: unknown display option `ech`
                    #| ech: false
                       ^~~
                    did you mean `echo`?
                """
            ]),
        Case(
            name: "val series without validation", replace: [("validation_split: 0.2", "shuffle: true")],
            append: "```{plot} p\nseries: [m.history.val_loss]\n```\n",
            expected: [
                """
                t.md:32:10: error: `train` directive `m` has no value `history.val_loss`
                    series: [m.history.val_loss]
                             ^~~~~~~~~~~~~~~~~~
                    `m` has no validation data; set `validation_split:` to record `val_` series
                """
            ]),
        Case(
            name: "table row length", append: "```{table} t\ncolumns: [a, b]\nrows:\n  - [x]\n```\n",
            expected: [
                """
                t.md:34:5: error: this row has 1 cell but the table has 2 columns
                      - [x]
                        ^
                """
            ]),
        Case(
            name: "misclassified names a train", append: "```{misclassified} wrong\nmodel: m\n```\n",
            expected: [
                """
                t.md:32:8: error: `model` must name an `evaluate` directive, but `m` is a `train`
                    model: m
                           ^
                    add an `evaluate` directive with `model: m` and name it here
                """
            ]),
        Case(
            name: "samples split", append: "```{samples} s\ndata: mnist\nsplit: validation\n```\n",
            expected: [
                """
                t.md:33:8: error: unknown split `validation`
                    split: validation
                           ^~~~~~~~~~
                    nbrun knows `test`, `train`
                """
            ]),
        Case(
            name: "several problems at once",
            replace: [
                ("optimizer: adam", "optimizer: nadam"), ("epochs: ${epochs}", "epochs: 0"),
                ("{evaluate} e", "{evaluate} m"),
            ],
            append: "Loss {{ m.history.los.last }} and {{ nothing.here }}.\n",
            expected: [
                """
                t.md:19:12: error: unknown optimizer `nadam`
                    optimizer: nadam
                               ^~~~~
                    did you mean `adam`?
                """,
                """
                t.md:22:9: error: `epochs` must be at least 1, got `0`
                    epochs: 0
                            ^
                """,
                """
                t.md:26:15: error: duplicate id `m`: the `model` directive on line 11 already uses it
                    ```{evaluate} m
                                  ^
                    only a `train` may share its id with the `model` it trains
                """,
                """
                t.md:31:9: error: `train` directive `m` has no value `history.los`
                    Loss {{ m.history.los.last }} and {{ nothing.here }}.
                            ^~~~~~~~~~~~~
                    did you mean `history.loss`?
                """,
                """
                t.md:31:38: error: no directive named `nothing`
                    Loss {{ m.history.los.last }} and {{ nothing.here }}.
                                                         ^~~~~~~
                """,
            ]),
        Case(
            name: "directive inside a list", append: "- item\n\n  ```{plot} p\n  series: [m.history.loss]\n  ```\n",
            expected: [
                """
                t.md:33:3: error: a directive must stand at the top level, not inside a list or quote
                      ```{plot} p
                      ^~~
                    move the block out of the list or quote and remove its indentation
                """
            ]),
    ]
}
