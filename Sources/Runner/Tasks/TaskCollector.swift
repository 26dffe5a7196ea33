import NotebookFormat

/// The tasks one collecting pass of the executor found missing: the next wave.
final class TaskCollector {
    /// One missing task: its key and the directive it works for.
    struct Found {
        let key: String
        let step: DirectiveStep
    }

    private(set) var found: [Found] = []

    func add(key: String, step: DirectiveStep) {
        guard !found.contains(where: { $0.key == key }) else { return }
        found.append(Found(key: key, step: step))
    }
}
