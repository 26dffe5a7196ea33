/// The numbered targets of a document: label → element id and number text (`図 1`, `Table 2`).
struct CrossReferences: Sendable {
    /// A figure or table that can be referred to.
    struct Target: Sendable, Equatable {
        /// Element id (the label itself).
        var id: String
        /// `図` / `Figure` / `表` / `Table`.
        var prefix: String
        /// 1-based number in order of appearance.
        var number: Int
        /// `図 1`.
        var text: String { "\(prefix) \(number)" }
    }

    private(set) var targets: [String: Target] = [:]

    /// Registers `label`; a label used twice is an error (its links would be ambiguous).
    mutating func add(label: String, prefix: String, number: Int) throws {
        guard targets[label] == nil else {
            throw ArticleError("duplicate label '\(label)': each figure and table label must be unique")
        }
        targets[label] = Target(id: label, prefix: prefix, number: number)
    }

    subscript(label: String) -> Target? { targets[label] }
}
