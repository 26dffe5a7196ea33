import Article
import Engine
import Foundation
import NotebookFormat

/// Builds the article document from the notebook's blocks and the run's results.
///
/// Prose gets its `{{ }}` values substituted (each recorded for the lock); a directive shows its
/// source (unless `#| echo: false`) and then what it produced: a model its summary, a plot or picture
/// directive its figure, a table its table.
struct ArticleAssembly {
    let execution: Execution

    func document(provenance: [ProvenanceItem]) throws -> ArticleDocument {
        let notebook = execution.notebook
        var blocks: [ArticleBlock] = []
        for block in notebook.blocks {
            switch block {
            case .prose(let prose):
                blocks.append(.markdown(try substitute(prose)))
            case .directive(let directive):
                if directive.display.echo {
                    blocks.append(
                        .code(CodeEcho(kind: directive.kind.rawValue, id: directive.id, source: directive.source)))
                }
                let result =
                    directive.kind == .model
                    ? execution.models[directive.id].map(DirectiveResult.model) : execution.results[directive.id]
                switch result {
                case .model(let model)?:
                    blocks.append(
                        .modelSummary(
                            ModelSummary(
                                modelName: directive.id,
                                rows: model.summary.map {
                                    ModelSummaryRow(
                                        layer: $0.name, outputShape: $0.outputShape, parameters: $0.parameters)
                                },
                                totalParameters: model.parameterCount)))
                case .figure(let figure)?:
                    blocks.append(.figure(figure))
                case .table(let table)?:
                    blocks.append(.table(table))
                case .prune(let outcome)?:
                    var fineTuned = false
                    if case .prune(let decl) = directive.payload { fineTuned = decl.fineTune != nil }
                    blocks.append(
                        .table(
                            outcome.table(
                                label: directive.display.label, caption: directive.display.caption,
                                japanese: notebook.frontMatter.lang.hasPrefix("ja"), fineTuned: fineTuned)))
                case .sweep(let outcome)?:
                    blocks.append(
                        .table(
                            outcome.table(
                                label: directive.display.label, caption: directive.display.caption,
                                japanese: notebook.frontMatter.lang.hasPrefix("ja"))))
                default:
                    break
                }
            }
        }
        let front = notebook.frontMatter
        return ArticleDocument(
            title: front.title ?? notebook.file.deletingPathExtension().lastPathComponent,
            author: front.author, date: front.date, lang: front.lang,
            blocks: blocks, provenance: provenance)
    }

    /// Replaces each `{{ expr }}` of a prose block by its printed value, back to front so ranges stay valid.
    private func substitute(_ prose: Prose) throws -> String {
        var text = prose.markdown
        var rendered: [(Range<String.Index>, String)] = []
        for inline in prose.expressions {
            rendered.append((inline.range, try execution.render(inline.expression, source: "prose").text))
        }
        for (range, value) in rendered.reversed() {
            text.replaceSubrange(range, with: value)
        }
        return text
    }
}
