import Engine
import Foundation

/// The command line's view of a run's events, on stderr: the stages, the directives under the
/// execute stage, and training the way Keras' `verbose=1` shows it.
///
/// ```
/// [3/6] execute (9 directives)
///   [4/9] train no_dropout
///       Epoch 1/10
///       1500/1500 ━━━━━━━━━━━━━━━━━━━━ 12.1s 8ms/step - loss: ...
/// ```
/// On a terminal the current epoch is a live bar redrawn at most ten times a second; otherwise
/// (a pipe, CI) each epoch is one plain line. `quiet` silences everything; errors are printed by
/// the command, not here.
public final class ProgressPrinter: RunObserver {
    private let quiet: Bool
    private let interactive: Bool
    private let sink: (String) -> Void
    private var lastDraw = Date.distantPast
    private var epochStart = Date()
    private var steps = 0

    /// - Parameter sink: where text goes (stderr unless a test captures it).
    public init(
        quiet: Bool, interactive: Bool = isatty(STDERR_FILENO) == 1,
        sink: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.quiet = quiet
        self.interactive = interactive
        self.sink = sink
    }

    public func receive(_ event: RunEvent) {
        if case .warning(let text) = event {
            // A located warning (`file:line:col: warning: ...`) carries its own label.
            emit(text.contains(": warning: ") ? "\(text)\n" : "warning: \(text)\n")
            return
        }
        guard !quiet else { return }
        switch event {
        case .stageStarted(let step, let detail):
            emit("\(step)\(detail.map { " (\($0))" } ?? "")\n")
        case .directiveStarted(let step, let detail):
            emit("  \(step)\(detail.map { " (\($0))" } ?? "")\n")
        case .directiveCached(let step):
            emit("  \(step) (cached)\n")
        case .note(let text):
            emit("      \(text)\n")
        case .training(_, let event):
            training(event)
        case .task(let update):
            emit("  \(update)\n")
        case .stageFinished, .directiveFinished, .epochFinished, .warning:
            break
        }
    }

    /// One training event from the engine.
    private func training(_ event: TrainingEvent) {
        switch event {
        case .epochBegan(let epoch, let total, let stepCount):
            epochStart = Date()
            steps = stepCount
            if interactive { emit("      Epoch \(epoch)/\(total)\n") }
        case .batchEnded(_, let step, let steps, let loss, let accuracy):
            guard interactive else { return }
            let now = Date()
            guard step == steps || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            let elapsed = now.timeIntervalSince(epochStart)
            let eta = step > 0 ? elapsed / Double(step) * Double(steps - step) : 0
            emit(
                "\r      " + ProgressBar.line(step: step, steps: steps, eta: eta, loss: loss, accuracy: accuracy)
                    + "\u{1B}[K")
        case .epochEnded(let epoch, let record):
            let metrics = ProgressBar.metrics(record)
            if interactive {
                emit("\r      " + ProgressBar.finished(steps: steps, seconds: record.seconds) + metrics + "\u{1B}[K\n")
            } else {
                emit("      epoch \(epoch): \(ProgressBar.seconds(record.seconds))\(metrics)\n")
            }
        }
    }

    private func emit(_ text: String) { sink(text) }
}
