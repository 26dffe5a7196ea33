import Engine
import Foundation
import NotebookFormat

/// Redraws, at the end of every epoch, each plot that shows a training as it runs.
///
/// An observer of one run: it keeps the history so far of every training that reported an epoch in
/// this run, and after each `epochFinished` draws every `{plot}` with a series of that training
/// through the render stage's own figure code (Cairo PNG at the article's size). Series of
/// trainings that have not reported an epoch in this run (cached, or not started yet) are left out
/// of the live drawing; the article drawn at the end of the run has them all.
public final class LiveFigures: RunObserver {
    /// One redrawn figure: the plot directive's id (its file is `figures/<id>.png`) and the PNG.
    public struct Update: Sendable {
        public let figure: String
        public let png: Data
        /// The training whose epoch triggered the redraw and how many epochs it has finished.
        public let training: String
        public let epoch: Int
    }

    private let notebook: Notebook?
    private let deliver: (Update) -> Void
    private var histories: [String: History] = [:]

    /// - Parameters:
    ///   - options: the run's options (notebook and `--set` overrides); the notebook is parsed once
    ///     here, and a notebook that does not parse gets no live figures (its run stops at the check).
    ///   - deliver: called on the run's thread with each redrawn figure.
    public init(options: RunOptions, deliver: @escaping (Update) -> Void) {
        let parsed = try? ParsedNotebook.read(options.notebook, overrides: options.overrides)
        self.notebook = parsed.flatMap { try? $0.parsed.get() }
        self.deliver = deliver
    }

    public func receive(_ event: RunEvent) {
        guard case .epochFinished(let step, let history) = event, step.kind == .train, let notebook else { return }
        histories[step.id] = history
        for case .directive(let directive) in notebook.blocks {
            guard case .plot(let decl) = directive.payload,
                decl.series.contains(where: { Self.roots(of: $0).contains(step.id) }),
                let png = try? livePNG(decl, directive: directive, notebook: notebook)
            else { continue }
            deliver(Update(figure: directive.id, png: png, training: step.id, epoch: history.epochs.count))
        }
    }

    /// The plot drawn from the live histories, keeping only series whose trainings have one.
    private func livePNG(_ decl: PlotDecl, directive: Directive, notebook: Notebook) throws -> Data? {
        var partial = RunResults.Partial()
        for (id, history) in histories {
            // The replicate training now (a live figure shows one seed; the article shows them all).
            partial.trainings[id] = [TrainingOutcome(history: history, seconds: 0, parameterCount: 0)]
        }
        var live = decl
        live.series = decl.series.filter { Self.roots(of: $0).allSatisfy { histories[$0] != nil } }
        guard !live.series.isEmpty else { return nil }
        let renderer = Renderer(notebook: notebook, results: RunResults(partial, threads: 1))
        return try renderer.plotFigure(live, directive: directive).png
    }

    /// The directives a series reads (`run` in `run.history.loss`).
    private static func roots(of series: SeriesDecl) -> [String] {
        [series.y.path.root] + (series.x.map { [$0.path.root] } ?? [])
    }
}
