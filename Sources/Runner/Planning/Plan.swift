import NotebookFormat

/// The order in which directives run: dependencies first, otherwise document order.
struct Plan {
    let order: [Directive]

    /// Orders the notebook's directives topologically (Kahn's algorithm, ties broken by position).
    /// Dependencies are resolved by id and kind (a train may share its id with its model).
    /// References were checked by the parser; a cycle is reported as a failure naming its members.
    init(notebook: Notebook) throws {
        let directives = notebook.directives
        let index = Dictionary(
            directives.enumerated().map { (Plan.node($1), $0) }, uniquingKeysWith: { first, _ in first })
        var remaining: [Int: Set<Int>] = [:]
        for (position, directive) in directives.enumerated() {
            remaining[position] = Set(
                notebook.dependencies(of: directive).compactMap { index[Plan.node($0)] }
                    .filter { $0 != position })
        }
        var order: [Directive] = []
        while !remaining.isEmpty {
            guard let next = remaining.filter({ $0.value.isEmpty }).keys.min() else {
                let cycle = remaining.keys.sorted().map { directives[$0] }
                let first = cycle[0]
                throw RunnerFailure(
                    message: "\(first.location.file):\(first.location.line):\(first.location.column): "
                        + "error: directives depend on each other in a cycle: "
                        + cycle.map { "`\($0.id)`" }.joined(separator: ", "))
            }
            order.append(directives[next])
            remaining[next] = nil
            for key in remaining.keys { remaining[key]?.remove(next) }
        }
        self.order = order
    }

    /// A directive's unique name: its kind and id (`train no_dropout`), since a train may share its model's id.
    static func node(_ directive: Directive) -> String { "\(directive.kind.rawValue) \(directive.id)" }
}
