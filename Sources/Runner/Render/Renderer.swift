import Article
import Foundation
import NotebookFormat

/// The render stage: the article document from the notebook's blocks and the run's results.
///
/// Prose gets its `{{ }}` values substituted; a directive shows its source (unless
/// `#| echo: false`) and then what it produced: a model its summary, a plot or picture directive
/// its figure, a table, prune or sweep its table. Every number shown is returned with the
/// document, for the lock. Rendering never trains: it reads ``RunResults`` only.
struct Renderer {
    let notebook: Notebook
    let results: RunResults

    var lookup: ValueLookup { ValueLookup(notebook: notebook, results: results) }
    var wording: Wording { Wording(lang: notebook.frontMatter.lang) }

    func render() throws -> RenderedArticle {
        var shown: [ShownNumber] = []
        var blocks: [ArticleBlock] = []
        for block in notebook.blocks {
            switch block {
            case .prose(let prose):
                blocks.append(.markdown(try substitute(prose, shown: &shown)))
            case .directive(let directive):
                if directive.display.echo {
                    blocks.append(
                        .code(CodeEcho(kind: directive.kind.rawValue, id: directive.id, source: directive.source)))
                }
                do {
                    if let shownBlock = try self.block(for: directive, shown: &shown) { blocks.append(shownBlock) }
                } catch var failure as RunnerFailure {
                    failure.directive = failure.directive ?? Plan.node(directive)
                    failure.location = failure.location ?? directive.location
                    throw failure
                }
            }
        }
        let front = notebook.frontMatter
        let document = ArticleDocument(
            title: front.title ?? notebook.file.deletingPathExtension().lastPathComponent,
            author: front.author, date: front.date, lang: front.lang, blocks: blocks, provenance: [])
        return RenderedArticle(document: document, shown: shown)
    }

    /// What a directive shows under its source, if anything.
    private func block(for directive: Directive, shown: inout [ShownNumber]) throws -> ArticleBlock? {
        let label = directive.display.label
        let caption = directive.display.caption
        switch directive.payload {
        case .model:
            guard let model = results.models[directive.id] else { return nil }
            return .modelSummary(
                ModelSummary(
                    modelName: directive.id,
                    rows: model.summary.map {
                        ModelSummaryRow(layer: $0.name, outputShape: $0.outputShape, parameters: $0.parameters)
                    },
                    totalParameters: model.parameterCount))
        case .plot(let decl): return .figure(try plotFigure(decl, directive: directive))
        case .samples(let decl): return .figure(try samplesFigure(decl, directive: directive))
        case .misclassified(let decl): return .figure(try misclassifiedFigure(decl, directive: directive))
        case .confusion(let decl): return .figure(try confusionFigure(decl, directive: directive))
        case .histogram(let decl): return .figure(try histogramFigure(decl, directive: directive))
        case .table(let decl): return .table(try table(decl, directive: directive, shown: &shown))
        case .report(let decl): return .table(reportTable(decl, directive: directive, shown: &shown))
        case .prune:
            guard let replicates = results.prunes[directive.id], !replicates.isEmpty else { return nil }
            return .table(PruneTable(replicates: replicates, wording: wording).table(label: label, caption: caption))
        case .sweep:
            guard let replicates = results.sweeps[directive.id], !replicates.isEmpty else { return nil }
            return .table(SweepTable(replicates: replicates, wording: wording).table(label: label, caption: caption))
        case .dataset, .train, .evaluate:
            return nil
        case .compare:
            guard directive.display.echo else { return nil }
            let c = try CompareValues(notebook: notebook, lookup: lookup).comparison(directive.id)
            return .markdown(wording.comparison(c, id: directive.id))
        case .claim(let decl):
            let verdict = try ClaimEvaluation(lookup: lookup).verdict(decl)
            return .claim(
                ClaimCallout(
                    label: label, text: decl.text, holds: verdict.holds, detail: verdict.detail,
                    shown: directive.display.echo))
        }
    }

    /// Replaces each `{{ expr }}` of a prose block by its printed value, in one forward pass that
    /// appends the text between expressions and the values (linear in the text and the values;
    /// replacing ranges in place moves the rest of the text once per value).
    private func substitute(_ prose: Prose, shown: inout [ShownNumber]) throws -> String {
        let source = prose.markdown
        var text = ""
        text.reserveCapacity(source.utf8.count)
        var position = source.startIndex
        for inline in prose.expressions.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            text += source[position..<inline.range.lowerBound]
            text += try render(inline.expression, source: "prose", shown: &shown).text
            position = inline.range.upperBound
        }
        text += source[position...]
        return text
    }

    /// A results table: text cells as written, expression cells rendered from the run.
    private func table(_ decl: TableDecl, directive: Directive, shown: inout [ShownNumber]) throws -> ResultTable {
        var numeric = Set<Int>()
        let rows = try decl.rows.map { row in
            try row.enumerated().map { column, cell -> String in
                switch cell {
                case .text(let text):
                    return text
                case .expression(let expression):
                    numeric.insert(column)
                    return try render(meanPlusMinusSD(expression), source: directive.id, shown: &shown).text
                }
            }
        }
        return ResultTable(
            label: directive.display.label, caption: directive.display.caption, columns: decl.columns,
            rows: rows, numericColumns: numeric)
    }

    /// A table cell of a replicated value without a filter over seeds shows mean ± sd: `pm(4)`, or
    /// `pm(d)` for `fixed(d)` and `pm_percent(d)` for `percent(d)`.
    func meanPlusMinusSD(_ expression: NotebookFormat.Expression) -> NotebookFormat.Expression {
        let path = expression.path
        guard path.replicate == nil, notebook.replicates(of: path) > 1,
            !expression.filters.contains(where: \.combinesSeeds)
        else { return expression }
        let last = expression.filters.last
        let filter: FilterCall
        switch last?.name {
        case "percent": filter = FilterCall(name: "pm_percent", arguments: last?.arguments ?? [])
        case "fixed": filter = FilterCall(name: "pm", arguments: last?.arguments ?? [4])
        default: filter = FilterCall(name: "pm", arguments: [4])
        }
        return NotebookFormat.Expression(path: path, filters: [filter], source: expression.source)
    }

    /// Evaluates an expression against the results and records it as shown.
    func render(_ expression: NotebookFormat.Expression, source: String, shown: inout [ShownNumber]) throws
        -> RenderedValue
    {
        let rendered: RenderedValue
        do {
            rendered = try expression.evaluate { path in try lookup.value(path) }
        } catch let error as ExpressionError {
            throw RunnerFailure(
                message: "`{{ \(expression.source) }}`: \(error.message)", location: expression.path.location)
        } catch var failure as RunnerFailure {
            failure.location = failure.location ?? expression.path.location
            throw failure
        }
        let timing =
            notebook.values(of: expression.path.root)[expression.path.members.joined(separator: ".")]?.isTiming ?? false
        shown.append(
            ShownNumber(
                source: source, location: expression.path.location, expression: expression.source,
                value: rendered.number, text: rendered.text, timing: timing))
        return rendered
    }
}
