import Foundation
import NotebookFormat
import TestSupport
import XCTest

@testable import Runner

/// Every value the checker accepts is one the runner produces, for every kind of directive that
/// produces values and for each condition that changes the list (validation rows, fine-tuning).
///
/// The notebooks run for real (small MNIST subset, one or two epochs); then, for each directive,
/// each name that ``Notebook/values(of:)`` offers is looked up in the results.
final class ValueVocabularyTests: XCTestCase {
    private func results(_ name: String, edit: (String) -> String = { $0 }, set: [String: String] = [:]) throws
        -> (Notebook, RunResults)
    {
        let folder = try Scratch.directory(self, prefix: "nbrun-vocabulary")
        let text = try String(contentsOf: Fixtures.notebook(name), encoding: .utf8)
        let file = folder.appendingPathComponent(name)
        try edit(text).write(to: file, atomically: true, encoding: .utf8)
        var overrides = ["fixtures": Fixtures.mnistSmall.path, "epochs": "1"]
        overrides.merge(set) { _, new in new }
        let options = RunOptions(
            notebook: file, outputDirectory: folder.appendingPathComponent("output"), overrides: overrides,
            quiet: true, cacheDirectory: folder.appendingPathComponent("cache"))
        let plan = try NotebookCheck.check(try ParsedNotebook.read(file, overrides: overrides))
        return (plan.notebook, try Executor(plan: plan, options: options, events: RunEvents([])).run())
    }

    /// Looks up every accepted value of every directive; returns the producers seen.
    private func assertEveryValueIsProduced(
        _ notebook: Notebook, _ results: RunResults, file: StaticString = #filePath, line: UInt = #line
    ) -> [ValueProducer] {
        let lookup = ValueLookup(notebook: notebook, results: results)
        var producers: [ValueProducer] = []
        for directive in notebook.directives where notebook.directive(directive.id)?.kind == directive.kind {
            let values = notebook.values(of: directive.id)
            for (name, produced) in values.sorted(by: { $0.key < $1.key }) {
                XCTAssertNotNil(
                    lookup.value(produced, of: directive.id),
                    "`\(directive.kind.rawValue)` directive `\(directive.id)` accepts `\(name)` but the runner "
                        + "does not produce it", file: file, line: line)
            }
            if !values.isEmpty, let producer = producer(of: directive, in: notebook) { producers.append(producer) }
        }
        return producers
    }

    private func producer(of directive: Directive, in notebook: Notebook) -> ValueProducer? {
        let kinds: [ProducedValue] = Array(notebook.values(of: directive.id).values)
        switch directive.payload {
        case .dataset: return .dataset
        case .model: return .model
        case .train(let t): return .train(metrics: t.metrics, validation: t.validationSplit > 0)
        case .evaluate: return .evaluate(metrics: [])
        case .prune(let p): return .prune(fineTuned: p.fineTune != nil, kernelLayers: [])
        case .sweep:
            return .sweep(validation: kinds.contains(.sweep(.valLossMin)))
        case .compare: return .compare
        default: return nil
        }
    }

    func testEveryCheckedValueIsProducedForEveryKind() throws {
        var seen: [ValueProducer] = []
        let (small, smallResults) = try results("small.md")
        seen += assertEveryValueIsProduced(small, smallResults)
        let (pruning, pruningResults) = try results("pruning.md")
        seen += assertEveryValueIsProduced(pruning, pruningResults)
        // Without validation rows and without fine-tuning the lists are shorter, and still all produced.
        let (plain, plainResults) = try results(
            "pruning.md",
            edit: {
                $0.replacingOccurrences(of: "validation_split: 0.2\n", with: "")
                    .replacingOccurrences(of: "fine_tune: {epochs: 1, learning_rate: 0.0005}\n", with: "")
                    .replacingOccurrences(of: "pruned.accuracy_finetuned", with: "pruned.loss")
            })
        seen += assertEveryValueIsProduced(plain, plainResults)
        // Replicated trains and evaluations, and a compare over them.
        let (replicated, replicatedResults) = try results("replicates.md", set: ["seeds": "2"])
        seen += assertEveryValueIsProduced(replicated, replicatedResults)

        var kinds = Set<String>()
        for producer in seen {
            switch producer {
            case .dataset: kinds.insert("dataset")
            case .model: kinds.insert("model")
            case .train(_, let validation, _): kinds.insert("train validation=\(validation)")
            case .evaluate: kinds.insert("evaluate")
            case .prune(let fineTuned, _): kinds.insert("prune fine-tuned=\(fineTuned)")
            case .sweep(let validation): kinds.insert("sweep validation=\(validation)")
            case .compare: kinds.insert("compare")
            }
        }
        XCTAssertEqual(
            kinds,
            [
                "dataset", "model", "train validation=true", "train validation=false", "evaluate",
                "prune fine-tuned=true", "prune fine-tuned=false", "sweep validation=true", "sweep validation=false",
                "compare",
            ])
    }
}
