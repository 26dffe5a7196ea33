import Foundation

/// Compares a fresh run's lock with the recorded one, number by number.
///
/// Each number is one of: identical bits; equal at printed precision (the printed text is the same);
/// within the stated relative tolerance |new - old| <= tolerance * max(|old|, tiny); or changed.
/// A history that changed is reported with the first epoch where it diverged. If directive keys
/// differ (the notebook changed since the lock was written) the lock is stale: that is reported as
/// such and no numbers are judged.
struct LockComparison {
    enum Verdict: String, CaseIterable {
        case identical
        case printedEqual = "same as printed"
        case withinTolerance = "within tolerance"
        case changed
    }

    struct Change: CustomStringConvertible {
        let directive: String
        let line: Int
        let what: String
        let old: String
        let new: String
        var description: String { "line \(line): `\(directive)` \(what): \(old) -> \(new)" }
    }

    let recorded: LockFile
    let fresh: LockFile
    let tolerance: Double

    private(set) var counts: [Verdict: Int] = [:]
    private(set) var changes: [Change] = []
    private(set) var stale: [String] = []
    private(set) var timingsSkipped = 0

    init(recorded: LockFile, fresh: LockFile, tolerance: Double) {
        self.recorded = recorded
        self.fresh = fresh
        self.tolerance = tolerance
        findStaleness()
        if stale.isEmpty { compareNumbers() }
    }

    var total: Int { counts.values.reduce(0, +) }
    var passed: Bool { stale.isEmpty && changes.isEmpty }

    /// `verified: 214 of 214 numbers identical` and friends, for the article's provenance.
    var summary: String {
        if !stale.isEmpty {
            return "not verified: the lock is stale (\(stale.count) directive(s) changed since it was written)"
        }
        let identical = counts[.identical, default: 0]
        var text = "verified: \(identical) of \(total) numbers identical"
        let printed = counts[.printedEqual, default: 0]
        let tolerated = counts[.withinTolerance, default: 0]
        if printed > 0 { text += ", \(printed) equal at printed precision" }
        if tolerated > 0 { text += ", \(tolerated) within relative tolerance \(tolerance)" }
        if !changes.isEmpty { text += ", \(changes.count) CHANGED" }
        return text
    }

    private mutating func findStaleness() {
        let ids = Set(recorded.directives.keys).union(fresh.directives.keys)
        for id in ids.sorted() {
            let old = recorded.directives[id]
            let new = fresh.directives[id]
            if old == nil {
                stale.append("`\(id)` is new since the lock was written")
                continue
            }
            if new == nil {
                stale.append("`\(id)` was removed since the lock was written")
                continue
            }
            if old!.key != new!.key { stale.append("`\(id)` (line \(new!.line)) changed since the lock was written") }
        }
        if recorded.environment.numerics != fresh.environment.numerics {
            stale.append(
                "the engine's numerics version changed (\(recorded.environment.numerics) -> \(fresh.environment.numerics))"
            )
        }
        if recorded.shown.map(Self.shownKey).sorted() != fresh.shown.map(Self.shownKey).sorted() {
            stale.append("the values quoted in the text or tables changed since the lock was written")
        }
    }

    private mutating func compareNumbers() {
        for (id, new) in fresh.directives.sorted(by: { $0.key < $1.key }) {
            guard let old = recorded.directives[id] else { continue }
            for (name, newValues) in (new.history ?? [:]).sorted(by: { $0.key < $1.key }) {
                let oldValues = old.history?[name] ?? []
                var firstChange: Int?
                for epoch in 0..<max(oldValues.count, newValues.count) {
                    guard epoch < oldValues.count, epoch < newValues.count else {
                        count(.changed)
                        firstChange = firstChange ?? epoch
                        continue
                    }
                    let verdict = judge(old: oldValues[epoch], new: newValues[epoch], oldText: nil, newText: nil)
                    count(verdict)
                    if verdict == .changed, firstChange == nil { firstChange = epoch }
                }
                if let epoch = firstChange {
                    let oldText = epoch < oldValues.count ? "\(oldValues[epoch].float)" : "missing"
                    let newText = epoch < newValues.count ? "\(newValues[epoch].float)" : "missing"
                    changes.append(
                        Change(
                            directive: id, line: new.line, what: "history.\(name) first diverged at epoch \(epoch + 1)",
                            old: oldText, new: newText))
                }
            }
            for (name, value) in (new.metrics ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let oldValue = old.metrics?[name] else { continue }
                let verdict = judge(old: oldValue, new: value, oldText: nil, newText: nil)
                count(verdict)
                if verdict == .changed {
                    changes.append(
                        Change(
                            directive: id, line: new.line, what: name, old: "\(oldValue.float)", new: "\(value.float)"))
                }
            }
        }
        for (old, new) in Self.pairs(recorded.shown, fresh.shown) {
            if new.timing == true || old.timing == true {
                timingsSkipped += 1
                continue
            }
            guard let oldValue = old.value, let newValue = new.value else {
                if old.text != new.text {
                    changes.append(
                        Change(
                            directive: new.source, line: new.line, what: new.expression, old: old.text ?? "",
                            new: new.text ?? ""))
                }
                continue
            }
            let verdict = judge(old: oldValue, new: newValue, oldText: old.text, newText: new.text)
            count(verdict)
            if verdict == .changed {
                changes.append(
                    Change(
                        directive: new.source, line: new.line, what: "`{{ \(new.expression) }}`", old: old.text ?? "",
                        new: new.text ?? ""))
            }
        }
    }

    private mutating func count(_ verdict: Verdict) { counts[verdict, default: 0] += 1 }

    /// What identifies a shown value across runs: where it is shown and what it quotes (not its
    /// line, so that editing prose above it does not make the lock stale).
    private static func shownKey(_ number: LockedShownNumber) -> String { "\(number.source)|\(number.expression)" }

    /// Recorded and fresh shown values paired by key, the n-th occurrence of a key with the n-th
    /// (so the order in which a lock lists them does not matter).
    private static func pairs(_ recorded: [LockedShownNumber], _ fresh: [LockedShownNumber]) -> [(
        LockedShownNumber, LockedShownNumber
    )] {
        var pending = Dictionary(grouping: recorded, by: shownKey)
        return fresh.compactMap { new in
            guard var olds = pending[shownKey(new)], !olds.isEmpty else { return nil }
            let old = olds.removeFirst()
            pending[shownKey(new)] = olds
            return (old, new)
        }
    }

    private func judge(old: LockedNumber, new: LockedNumber, oldText: String?, newText: String?) -> Verdict {
        // A fresh Float32 value is compared as Float32 bits: the lock holds its shortest decimal, which
        // reads back as a Double that is not itself a Float32 value.
        if new.isFloat ? old.float.bitPattern == new.float.bitPattern : old.value.bitPattern == new.value.bitPattern {
            return .identical
        }
        if let oldText, let newText, oldText == newText { return .printedEqual }
        let scale = max(abs(old.value), Double.leastNormalMagnitude)
        if tolerance > 0, abs(new.value - old.value) <= tolerance * scale { return .withinTolerance }
        return .changed
    }
}
