import Foundation

/// The text `nbrun check` prints: a summary table and, on failure, each changed number.
struct CheckReport {
    let comparison: LockComparison

    var text: String {
        var lines: [String] = []
        if !comparison.stale.isEmpty {
            lines.append("The lock is stale: the notebook changed since it was written.")
            lines += comparison.stale.map { "  - \($0)" }
            return lines.joined(separator: "\n") + "\n"
        }
        let flips = comparison.claimFlips
        if !flips.isEmpty {
            lines.append("Claims whose verdict changed:")
            lines += flips.map { "  - \($0)" }
        }
        lines.append("verdict            numbers")
        for verdict in LockComparison.Verdict.allCases {
            let count = comparison.counts[verdict, default: 0]
            lines.append(verdict.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0) + " " + String(count))
        }
        if comparison.timingsSkipped > 0 {
            lines.append("(\(comparison.timingsSkipped) wall-clock value(s) shown but not compared)")
        }
        lines.append(comparison.summary)
        return lines.joined(separator: "\n") + "\n"
    }

    func failureMessage(lock: URL, notebook: URL) -> String {
        if !comparison.stale.isEmpty {
            return
                "\(lock.lastPathComponent) is stale, so nothing was verified; run `nbrun \(notebook.path)` to record the new numbers"
        }
        var lines = comparison.claimFlips
        lines.append("\(comparison.changes.count) number(s) changed against \(lock.lastPathComponent):")
        lines += comparison.changes.map { "  \(notebook.lastPathComponent):\($0)" }
        return lines.joined(separator: "\n")
    }
}
