extension LockComparison {
    /// Claims whose verdict differs between the lock and this run, as sentences:
    /// "claim `overfits` (line 56) held in the lock and does not hold now".
    var claimFlips: [String] {
        fresh.directives.sorted(by: { $0.key < $1.key }).compactMap { id, new in
            guard new.kind == "claim", let now = new.metrics?["holds"]?.value,
                let then = recorded.directives[id]?.metrics?["holds"]?.value, now != then
            else { return nil }
            let name = id.hasPrefix("claim ") ? String(id.dropFirst("claim ".count)) : id
            return then == 1
                ? "claim `\(name)` (line \(new.line)) held in the lock and does not hold now"
                : "claim `\(name)` (line \(new.line)) did not hold in the lock and holds now"
        }
    }
}
