import Foundation
import XCTest

@testable import NotebookFormat

/// The blog article mirrored as a notebook (Fixtures/dropout.md) parses to the blog's experiment
/// (docs/keras-semantics.md, "The blog's experiment").
final class FixtureNotebookTests: XCTestCase {
    func testDropoutNotebookParses() throws {
        let nb: Notebook
        do { nb = try NotebookParser().parse(contentsOf: fixtures.appendingPathComponent("dropout.md")) } catch {
            return XCTFail("\(error)")
        }
        XCTAssertEqual(nb.frontMatter.title, "Dropoutはなぜ必要?効果を実験で見てみよう")
        XCTAssertEqual(nb.frontMatter.lang, "ja")
        XCTAssertEqual(
            nb.directives.map(\.id),
            [
                "mnist", "digits", "no_dropout", "with_dropout", "no_dropout", "with_dropout",
                "no_dropout_test", "with_dropout_test", "accuracy", "loss", "summary", "mistakes", "cm",
            ])
        guard case .model(let plain)? = nb.directive("no_dropout", kind: .model)?.payload,
            case .model(let dropout)? = nb.directive("with_dropout", kind: .model)?.payload,
            case .train(let train)? = nb.directive("no_dropout")?.payload
        else { return XCTFail("payloads") }
        XCTAssertEqual(plain.layers.count, 6)
        XCTAssertEqual(dropout.layers.count, 7)
        XCTAssertEqual(dropout.layers[5].spec, .dropout(rate: 0.5))
        XCTAssertEqual(
            train,
            TrainDecl(
                model: "no_dropout", data: "mnist", optimizer: OptimizerDecl(name: .adam),
                loss: .sparseCategoricalCrossentropy, metrics: [.accuracy], epochs: 20,
                validationSplit: 0.2))
        // Same architecture text apart from the Dropout line.
        XCTAssertEqual(
            nb.directive("no_dropout", kind: .model)!.normalizedBody.split(separator: "\n").count + 1,
            nb.directive("with_dropout", kind: .model)!.normalizedBody.split(separator: "\n").count)
        XCTAssertEqual(nb.directive("accuracy")?.dependencies, ["no_dropout", "with_dropout"])
        XCTAssertEqual(nb.directive("mistakes")?.display.echo, false)
        let quoted = nb.prose.flatMap(\.expressions).map(\.expression.source)
        XCTAssertEqual(
            quoted,
            [
                "no_dropout.history.val_loss.argmin", "no_dropout.history.val_loss.min | fixed(4)",
                "no_dropout.history.val_loss.last | fixed(4)", "no_dropout.params | thousands",
            ])
        XCTAssertEqual(nb.prose.flatMap(\.references).map(\.label), ["fig-accuracy", "fig-loss"])
        // The plain ```python block stays prose.
        XCTAssertTrue(nb.prose.last!.markdown.hasPrefix("```python"))
    }

    /// Thousands of damaged variants of both fixtures: each must parse or throw a DiagnosticList, never crash.
    func testDamagedNotebooksNeverCrash() throws {
        var variants: [String] = []
        for name in ["dropout.md", "features.md"] {
            let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
            let lines = text.components(separatedBy: "\n")
            for i in lines.indices where i % 2 == 0 || lines[i].contains("{") {
                var l = lines
                l.remove(at: i)
                variants.append(l.joined(separator: "\n"))
                variants.append(lines[...i].joined(separator: "\n"))
                let line = Array(lines[i])
                if line.count > 2, i % 2 == 0 {
                    var m = lines
                    m[i] = String(line[..<(line.count / 2)])
                    variants.append(m.joined(separator: "\n"))
                }
            }
            let chars = Array(text)
            let inserts: [Character] = [
                "{", "}", "[", "]", "(", ")", "\"", "'", "#", "|", ":", "-", "@", "$", "`", "\t", "\u{0}", "界",
            ]
            for (k, p) in stride(from: 0, to: chars.count, by: 29).enumerated() {
                var c = chars
                c.insert(inserts[k % inserts.count], at: p)
                variants.append(String(c))
            }
        }
        var failures = 0
        for v in variants {
            do { _ = try NotebookParser().parse(source: v, file: "v.md") } catch is DiagnosticList {
                failures += 1
            } catch {
                XCTFail("unexpected error type \(error)")
            }
        }
        XCTAssertGreaterThan(variants.count, 400)
        XCTAssertGreaterThan(failures, variants.count / 4)
    }
}
