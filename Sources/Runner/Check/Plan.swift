import NotebookFormat

/// The check stage's value: a notebook that passed every check, and the order its directives run in.
struct Plan {
    let notebook: Notebook
    /// Dependencies first, otherwise document order.
    let order: [Directive]

    /// Orders the notebook's directives topologically (Kahn's algorithm, ties broken by position).
    /// Dependencies are resolved by id and kind (a train may share its id with its model). A cycle
    /// is reported as a diagnostic at its first member, naming every member.
    init(notebook: Notebook) throws {
        let directives = notebook.directives
        let index = Dictionary(
            directives.enumerated().map { (Plan.node($1), $0) }, uniquingKeysWith: { first, _ in first })
        var remaining: [Int: Set<Int>] = [:]
        for (position, directive) in directives.enumerated() {
            remaining[position] = Set(
                notebook.dependencies(of: directive).compactMap { index[Plan.node($0)] }.filter { $0 != position })
        }
        var order: [Directive] = []
        while !remaining.isEmpty {
            guard let next = remaining.filter({ $0.value.isEmpty }).keys.min() else {
                let cycle = remaining.keys.sorted().map { directives[$0] }
                let first = cycle[0]
                throw DiagnosticList([
                    Diagnostic(
                        location: first.location,
                        message: "directives depend on each other in a cycle: "
                            + cycle.map { "`\($0.id)`" }.joined(separator: ", "),
                        sourceLine: first.source.components(separatedBy: "\n").first ?? "", length: 3,
                        suggestion: nil)
                ])
            }
            order.append(directives[next])
            remaining[next] = nil
            for key in remaining.keys { remaining[key]?.remove(next) }
        }
        self.notebook = notebook
        self.order = order
    }

    /// A directive's unique name: its kind and id (`train no_dropout`), since a train may share its model's id.
    static func node(_ directive: Directive) -> String { "\(directive.kind.rawValue) \(directive.id)" }
}
