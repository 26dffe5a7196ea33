import Engine
import Foundation

/// Progress on stderr: the run's named steps, and training the way Keras' `verbose=1` shows it.
///
/// On a terminal the current epoch is a live bar (`812/1500 ━━━━━━━━──── ETA 3s - loss: ... - accuracy: ...`)
/// redrawn at most ten times a second; otherwise (a pipe, CI) each epoch is one plain line.
/// `quiet` silences everything; errors are printed by the command, not here.
final class ProgressReporter {
    private let quiet: Bool
    private let interactive: Bool
    private var lastDraw = Date.distantPast
    private var epochStart = Date()
    private var steps = 0

    private let sink: (String) -> Void

    /// - Parameter sink: where text goes (stderr unless a test captures it).
    init(
        quiet: Bool, interactive: Bool = isatty(STDERR_FILENO) == 1,
        sink: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.quiet = quiet
        self.interactive = interactive
        self.sink = sink
    }

    /// `[3/7] train no_dropout` (with `(cached)` when the result came from the cache).
    func step(_ step: StepName, detail: String? = nil) {
        emit("\(step)\(detail.map { " (\($0))" } ?? "")\n")
    }

    /// A line of information under the current step.
    func note(_ text: String) {
        emit("      \(text)\n")
    }

    /// One training event from the engine.
    func training(_ event: TrainingEvent) {
        guard !quiet else { return }
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

    private func emit(_ text: String) {
        guard !quiet else { return }
        sink(text)
    }
}
