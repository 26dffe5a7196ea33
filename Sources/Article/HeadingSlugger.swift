/// Makes unique, readable element ids from heading text.
///
/// `Dropoutとは?` → `dropoutとは`, `Results & plots` → `results-plots`: lower-cased, letters and
/// digits of any script kept, runs of anything else become one `-`. Repeats get `-1`, `-2`, ...
/// Ids already used by figures and tables are reserved first so headings never collide with them.
struct HeadingSlugger {
    private(set) var used: Set<String> = []

    mutating func reserve(_ id: String) { used.insert(id) }

    mutating func slug(for text: String) -> String {
        var base = ""
        var pendingDash = false
        for c in text.lowercased() {
            if c.isLetter || c.isNumber || c == "_" {
                if pendingDash && !base.isEmpty { base.append("-") }
                pendingDash = false
                base.append(c)
            } else {
                pendingDash = true
            }
        }
        if base.isEmpty { base = "section" }
        var candidate = base
        var n = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }
}
