import Engine
import Foundation
import Runner

/// Turns a run's events into the page's panel: one line per stage and directive, one per epoch.
final class PanelObserver: RunObserver {
    private let hub: PreviewHub
    private var epochsPlanned: [String: Int] = [:]

    init(hub: PreviewHub) {
        self.hub = hub
    }

    func receive(_ event: RunEvent) {
        switch event {
        case .stageStarted(let step, let detail):
            add("\(step)\(detail.map { " (\($0))" } ?? "")")
        case .directiveStarted(let step, let detail):
            add("  \(step)\(detail.map { " (\($0))" } ?? "")")
        case .directiveCached(let step):
            add("  \(step) (cached)")
        case .training(let step, .epochBegan(_, let total, _)):
            epochsPlanned[step.id] = total
        case .epochFinished(let step, let history):
            guard let record = history.epochs.last else { return }
            add("    \(step.id) " + Self.line(record, epoch: history.epochs.count, of: epochsPlanned[step.id]))
        case .note(let text):
            add("    \(text)")
        case .warning(let text):
            add("warning: \(text)")
        case .task(let update):
            add("  \(update)")
        case .stageFinished, .directiveFinished, .training:
            break
        }
    }

    /// `epoch 3/8: loss 0.4123, accuracy 0.8812, val_loss 0.3901, val_accuracy 0.8950 (0.4 s)`.
    static func line(_ record: EpochRecord, epoch: Int, of total: Int?) -> String {
        var parts = [
            String(format: "loss %.4f", record.loss), String(format: "accuracy %.4f", record.accuracy),
        ]
        if let value = record.valLoss { parts.append(String(format: "val_loss %.4f", value)) }
        if let value = record.valAccuracy { parts.append(String(format: "val_accuracy %.4f", value)) }
        let count = total.map { "\(epoch)/\($0)" } ?? "\(epoch)"
        return "epoch \(count): " + parts.joined(separator: ", ") + String(format: " (%.1f s)", record.seconds)
    }

    private func add(_ line: String) {
        hub.updatePanel { $0.lines.append(line) }
    }
}
