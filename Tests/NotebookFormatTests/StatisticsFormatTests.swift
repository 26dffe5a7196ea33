import Foundation
import XCTest

@testable import NotebookFormat

/// `seeds:`, replicate filters, `id[i]`, `{compare}`, `{claim}` and `clm-` labels: the examples of
/// the format (docs/notebook-format.md, "Replicates, comparisons and claims") parse as written,
/// and mistakes give whole, exact diagnostics.
final class StatisticsFormatTests: XCTestCase {
    /// The format's examples: two replicated trains, their evaluations, a compare and two claims.
    static let base = """
        ---
        title: Replicates
        ---

        ```{dataset} mnist
        source: mnist
        ```

        ```{model} no_dropout
        Input(shape=(28, 28, 1))
        Flatten()
        Dense(10, activation="softmax")
        ```

        ```{model} with_dropout
        Input(shape=(28, 28, 1))
        Flatten()
        Dropout(0.5)
        Dense(10, activation="softmax")
        ```

        ```{train} no_dropout
        data: mnist
        optimizer: adam
        loss: sparse_categorical_crossentropy
        metrics: [accuracy]
        epochs: 20
        validation_split: 0.2
        seeds: 5          # 5 independent replicates
        ```

        ```{train} with_dropout
        data: mnist
        optimizer: adam
        loss: sparse_categorical_crossentropy
        metrics: [accuracy]
        epochs: 20
        validation_split: 0.2
        seeds: 5
        ```

        ```{compare} dropout_effect
        a: with_dropout.history.val_loss.last
        b: no_dropout.history.val_loss.last
        test: welch        # or: paired, bootstrap
        ```

        ```{claim} overfits
        #| label: clm-overfits
        text: "Without dropout the final validation loss ends at least 25 % above its minimum"
        holds: no_dropout.history.val_loss.last > 1.25 * no_dropout.history.val_loss.min
        ```

        ```{claim} dropout_helps
        text: "Dropout lowers the final validation loss"
        holds: dropout_effect.ci95.high < 0
        ```

        Final validation loss {{ no_dropout.history.val_loss.last | pm(4) }}, seed 2's minimum
        {{ no_dropout[2].history.val_loss.min | fixed(4) }}, accuracy
        {{ with_dropout.history.val_accuracy.last | pm_percent(2) }}, every seed
        {{ no_dropout.history.val_loss.last | values(4) }} ({{ no_dropout.history.val_loss.last | count }}
        seeds, mean {{ no_dropout.history.val_loss.last | mean | fixed(4) }} ±
        {{ no_dropout.history.val_loss.last | ci95 | fixed(4) }}).

        """

    func testTheFormatsExamplesParse() throws {
        let notebook = try XCTUnwrap(parseOK(Self.base))
        guard case .train(let t)? = notebook.directive("no_dropout")?.payload else { return XCTFail("no train") }
        XCTAssertEqual(t.seeds, 5)
        guard case .compare(let c)? = notebook.directive("dropout_effect")?.payload else {
            return XCTFail("no compare")
        }
        XCTAssertEqual(c.a.dotted, "with_dropout.history.val_loss")
        XCTAssertEqual(c.a.accessors, [.last])
        XCTAssertEqual(c.b.root, "no_dropout")
        XCTAssertEqual(c.test, .welch)
        let compare = try XCTUnwrap(notebook.directive("dropout_effect"))
        XCTAssertEqual(compare.dependencies, ["with_dropout", "no_dropout"])
        XCTAssertEqual(
            compare.normalizedBody,
            "a=with_dropout.history.val_loss.last\nb=no_dropout.history.val_loss.last\ntest=welch")
        let overfits = try XCTUnwrap(notebook.directive("overfits"))
        XCTAssertEqual(overfits.display.label, "clm-overfits")
        guard case .claim(let claim) = overfits.payload else { return XCTFail("no claim") }
        XCTAssertEqual(claim.text, "Without dropout the final validation loss ends at least 25 % above its minimum")
        XCTAssertEqual(
            sexpr(claim.holds.root),
            "(> no_dropout.history.val_loss.last (* 1.25 no_dropout.history.val_loss.min))")
        XCTAssertEqual(overfits.dependencies, ["no_dropout"])
        let helps = try XCTUnwrap(notebook.directive("dropout_helps"))
        XCTAssertEqual(helps.dependencies, ["dropout_effect"])
        XCTAssertEqual(helps.references, [DirectiveReference(id: "dropout_effect", kind: .compare)])
        let filters = notebook.prose.flatMap(\.expressions).map { $0.expression.filters.map(\.name) }
        XCTAssertEqual(
            filters, [["pm"], ["fixed"], ["pm_percent"], ["values"], ["count"], ["mean", "fixed"], ["ci95", "fixed"]])
        let replicate = notebook.prose.flatMap(\.expressions)[1].expression.path
        XCTAssertEqual(replicate.replicate, 2)
        XCTAssertEqual(replicate.dotted, "no_dropout.history.val_loss")
        XCTAssertEqual(replicate.accessors, [.min])
    }

    func testSeedsDefaultToOneAndStayOutOfTheCacheText() throws {
        // Without `seeds:` on both trains (one seed each) the compare, `ci95` and `[2]` of the base
        // are refused, so those lines go too.
        let single = Self.base.replacingOccurrences(of: "seeds: 5          # 5 independent replicates\n", with: "")
            .replacingOccurrences(of: "seeds: 5\n", with: "")
        let lines = single.components(separatedBy: "\n")
        var kept: [String] = []
        var skipping = false
        for line in lines {
            if line.hasPrefix("```{compare}") || line.hasPrefix("```{claim}") { skipping = true }
            if !skipping && !line.contains("{{") && !line.contains("@clm-") { kept.append(line) }
            if skipping && line == "```" { skipping = false }
        }
        let one = try XCTUnwrap(parseOK(kept.joined(separator: "\n")))
        let five = try XCTUnwrap(parseOK(Self.base))
        guard case .train(let t)? = one.directive("no_dropout")?.payload else { return XCTFail("no train") }
        XCTAssertEqual(t.seeds, 1)
        XCTAssertEqual(one.directive("no_dropout")!.normalizedBody, five.directive("no_dropout")!.normalizedBody)
    }

    func testCompareTests() throws {
        for test in CompareDecl.Test.allCases {
            let nb = try XCTUnwrap(
                parseOK(Self.base.replacingOccurrences(of: "test: welch", with: "test: \(test.rawValue)")))
            guard case .compare(let c)? = nb.directive("dropout_effect")?.payload else { return XCTFail("no compare") }
            XCTAssertEqual(c.test, test)
        }
        let defaulted = try XCTUnwrap(
            parseOK(Self.base.replacingOccurrences(of: "test: welch        # or: paired, bootstrap\n", with: "")))
        guard case .compare(let c)? = defaulted.directive("dropout_effect")?.payload else {
            return XCTFail("no compare")
        }
        XCTAssertEqual(c.test, .welch)
    }

    func testClaimPrecedenceAndFunctions() throws {
        let cases: [(String, String)] = [
            ("a.x > 1 and b.y < 2 or not c.z == 3", "(or (and (> a.x 1) (< b.y 2)) (not (== c.z 3)))"),
            ("1 + 2 * 3 - 4 / 5 >= -a.x", "(>= (- (+ 1 (* 2 3)) (/ 4 5)) (neg a.x))"),
            ("(1 + 2) * 3 != 9", "(!= (* (+ 1 2) 3) 9)"),
            ("not not a.x <= 1", "(not (not (<= a.x 1)))"),
            ("abs(a.x - b.y) < 0.01", "(< (abs (- a.x b.y)) 0.01)"),
            ("mean(no_dropout.history.val_loss.last) > 0.08", "(> (mean no_dropout.history.val_loss.last) 0.08)"),
            (
                "median(t.h.last) > min(t.h.last) and max(t.h.last) - sd(t.h.last) > 2.5e-3",
                "(and (> (median t.h.last) (min t.h.last)) (> (- (max t.h.last) (sd t.h.last)) 0.0025))"
            ),
            ("m[3].history.loss[2] < m[1].history.loss.first", "(< m[3].history.loss[2] m[1].history.loss.first)"),
            ("notes.x > 1 or order.y < 2", "(or (> notes.x 1) (< order.y 2))"),
            ("(a.x > 1)", "(> a.x 1)"),
        ]
        for (text, expected) in cases {
            do {
                let e = try ClaimParser.parse(text) { SourceLocation(file: "t.md", line: 1, column: 1 + $0) }
                XCTAssertEqual(sexpr(e.root), expected, text)
            } catch {
                XCTFail("\(text): \(error)")
            }
        }
    }

    func testClaimLocationsPointIntoTheFile() throws {
        let nb = try XCTUnwrap(parseOK(Self.base))
        guard case .claim(let c)? = nb.directive("overfits")?.payload,
            case .comparison(
                .greater, .path(let left), .arithmetic(.multiply, .number(1.25, let one), .path(let right), _), let gt) =
                c.holds.root
        else { return XCTFail("unexpected tree") }
        // holds: no_dropout.history.val_loss.last > 1.25 * no_dropout.history.val_loss.min   (line 51)
        XCTAssertEqual(left.location.description, "t.md:51:8")
        XCTAssertEqual(gt.description, "t.md:51:41")
        XCTAssertEqual(one.description, "t.md:51:43")
        XCTAssertEqual(right.location.description, "t.md:51:50")
        XCTAssertEqual(c.holds.paths.map(\.root), ["no_dropout", "no_dropout"])
    }

    func testFilterChains() throws {
        let good = [
            "x.y | mean", "x.y | mean | fixed(4)", "x.y | sd | percent(1)", "x.y | median | int",
            "x.y | ci95 | fixed(3)",
            "x.y | min | int | thousands", "x.y | max", "x.y | count", "x.y | pm(4)", "x.y | pm_percent",
            "x.y | pm_percent(2)",
            "x.y | values", "x.y | values(3)", "x.p | pvalue",
        ]
        for text in good {
            XCTAssertNoThrow(
                try ExpressionParser.parse(text) { _ in SourceLocation(file: "t.md", line: 1, column: 1) }, text)
        }
        XCTAssertTrue(FilterCall(name: "pm", arguments: [4]).combinesSeeds)
        XCTAssertFalse(FilterCall(name: "fixed", arguments: [4]).combinesSeeds)
        XCTAssertEqual(
            FilterCall.replicateFilters,
            ["mean", "median", "sd", "min", "max", "ci95", "count", "pm", "pm_percent", "values"])
    }

    func testMistakes() {
        XCTAssertGreaterThanOrEqual(StatisticsCaseTable.cases.count, 30)
        let record = ProcessInfo.processInfo.environment["NB_RECORD"] != nil
        for c in StatisticsCaseTable.cases {
            let actual = parseErrors(c.notebook).map(\.description)
            if record { print("RECORD \(c.name):\n\(actual.joined(separator: "\n---\n"))\n=====") }
            XCTAssertEqual(actual, c.expected, "case \(c.name)")
        }
    }
}

/// A claim tree as an s-expression: `(> a.b.last (* 1.25 a.b.min))`.
func sexpr(_ node: ClaimNode) -> String {
    func path(_ p: ValuePath) -> String {
        p.root + (p.replicate.map { "[\($0)]" } ?? "") + p.members.map { "." + $0 }.joined()
            + p.accessors.map(\.spelling).joined()
    }
    switch node {
    case .number(let x, _): return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    case .path(let p): return path(p)
    case .negate(let x, _): return "(neg \(sexpr(x)))"
    case .not(let x, _): return "(not \(sexpr(x)))"
    case .arithmetic(let op, let l, let r, _): return "(\(op.rawValue) \(sexpr(l)) \(sexpr(r)))"
    case .comparison(let op, let l, let r, _): return "(\(op.rawValue) \(sexpr(l)) \(sexpr(r)))"
    case .logical(let op, let l, let r, _): return "(\(op.rawValue) \(sexpr(l)) \(sexpr(r)))"
    case .call(let f, let x, _): return "(\(f.rawValue) \(sexpr(x)))"
    }
}
