import Engine
import Foundation

/// Text of Keras-style progress lines.
enum ProgressBar {
    static let width = 20

    /// `━━━━━━━━━━━━──────────` filled to `fraction`.
    static func bar(fraction: Double) -> String {
        let filled = max(0, min(width, Int((fraction * Double(width)).rounded(.down))))
        return String(repeating: "━", count: filled) + String(repeating: "─", count: width - filled)
    }

    /// ` 812/1500 ━━━━━━━━━━──────── ETA 3s - loss: 0.0312 - accuracy: 0.9901`
    static func line(step: Int, steps: Int, eta: Double, loss: Float, accuracy: Float) -> String {
        let digits = String(steps).count
        let counter = String(repeating: " ", count: max(0, digits - String(step).count)) + "\(step)/\(steps)"
        return "\(counter) \(bar(fraction: Double(step) / Double(max(steps, 1)))) ETA \(seconds(eta))"
            + " - loss: \(fixed(loss)) - accuracy: \(fixed(accuracy))"
    }

    /// `1500/1500 ━━━━━━━━━━━━━━━━━━━━ 2.1s 1ms/step` (Keras' line for a finished epoch, metrics follow).
    static func finished(steps: Int, seconds: Double) -> String {
        let perStep = steps > 0 ? String(format: "%.0fms/step", seconds / Double(steps) * 1000) : ""
        return "\(steps)/\(steps) \(bar(fraction: 1)) \(self.seconds(seconds)) \(perStep)"
    }

    /// ` - loss: ... - accuracy: ... - val_loss: ... - val_accuracy: ...`, and the top-k accuracy
    /// when recorded (` - top_k_accuracy: ...`, whichever Keras name the notebook used).
    static func metrics(_ record: EpochRecord) -> String {
        var text = " - loss: \(fixed(record.loss)) - accuracy: \(fixed(record.accuracy))"
        if let topK = record.topKAccuracy { text += " - top_k_accuracy: \(fixed(topK))" }
        if let valLoss = record.valLoss { text += " - val_loss: \(fixed(valLoss))" }
        if let valAccuracy = record.valAccuracy { text += " - val_accuracy: \(fixed(valAccuracy))" }
        if let valTopK = record.valTopKAccuracy { text += " - val_top_k_accuracy: \(fixed(valTopK))" }
        return text
    }

    static func seconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.1fs", value) : String(format: "%.0fs", value)
    }

    static func fixed(_ value: Float) -> String { String(format: "%.4f", Double(value)) }
}
