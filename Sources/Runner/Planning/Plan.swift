import NotebookFormat

/// The order in which directives run: dependencies first, otherwise document order.
struct Plan {
    let order: [Directive]

    /// Orders the notebook's directives topologically (Kahn's algorithm, ties broken by position).
    /// References were checked by the parser; a cycle is reported as a failure naming its members.
    init(notebook: Notebook) throws {
        let directives = notebook.directives
        let position = Dictionary(uniqueKeysWithValues: directives.enumerated().map { ($1.id, $0) })
        var remaining = Dictionary(uniqueKeysWithValues: directives.map { directive in
            (directive.id, Set(directive.dependencies.filter { position[$0] != nil && $0 != directive.id }))
        })
        var order: [Directive] = []
        while !remaining.isEmpty {
            let ready = remaining.filter { $0.value.isEmpty }.keys.sorted { position[$0]! < position[$1]! }
            guard let next = ready.first else {
                let cycle = remaining.keys.sorted { position[$0]! < position[$1]! }
                let first = directives[position[cycle[0]]!]
                throw RunnerFailure(message: "\(first.location.file):\(first.location.line):\(first.location.column): "
                    + "error: directives depend on each other in a cycle: "
                    + cycle.map { "`\($0)`" }.joined(separator: ", "))
            }
            order.append(directives[position[next]!])
            remaining[next] = nil
            for key in remaining.keys { remaining[key]?.remove(next) }
        }
        self.order = order
    }
}
