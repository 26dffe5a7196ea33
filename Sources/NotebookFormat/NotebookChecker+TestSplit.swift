/// A data set without test rows (a `csv:` with no `test:` file, or `limit: {test: 0}`) cannot feed
/// what shows or measures the test split; found here, at the use, before anything trains.
extension NotebookChecker {
    func checkTestSplits() {
        func draft(_ id: String, _ kind: DirectiveKind) -> DirectiveDraft? {
            drafts.first { $0.id == id && $0.kind == kind }
        }
        func emptyTest(_ dataID: String) -> String? {
            guard case .dataset(let d)? = draft(dataID, .dataset)?.payload else { return nil }
            if case .csv(_, nil) = d.source { return "its `csv:` gives no `test:` file" }
            if d.testLimit == 0 { return "its `limit` keeps no test rows" }
            return nil
        }
        for d in drafts {
            switch d.payload {
            case .samples(let s)? where s.split == "test":
                guard let why = emptyTest(s.data), let use = d.references.first(where: { $0.id == s.data }) else {
                    continue
                }
                diagnostics.error(
                    "data set `\(s.data)` has no test images to show: \(why)", at: use.span,
                    suggestion: "add `split: train`, or give the data set `csv: {train: FILE, test: FILE}`")
            case .evaluate(let e)? where e.on == "test":
                guard case .train(let t)? = draft(e.model, .train)?.payload, let why = emptyTest(t.data),
                    let use = d.references.first(where: { $0.id == e.model })
                else { continue }
                diagnostics.error(
                    "`\(e.model)` is trained on data set `\(t.data)`, which has no test rows to evaluate: \(why)",
                    at: use.span, suggestion: "write `on: train`, or give the data set `csv: {train: FILE, test: FILE}`"
                )
            default:
                continue
            }
        }
    }
}
