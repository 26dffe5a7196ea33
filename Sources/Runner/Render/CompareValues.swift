import Engine
import NotebookFormat
import Statistics

/// The values of a `{compare}`: its test run on the two sides' numbers per seed.
///
/// Computed in the render stage from the run's results (milliseconds); the bootstrap draws from a
/// generator seeded with the directive's derived seed, so the same notebook gives the same numbers.
struct CompareValues {
    let notebook: Notebook
    let lookup: ValueLookup

    /// The comparison of directive `id` (checked: 2 or more seeds a side, equal counts when paired).
    func comparison(_ id: String) throws -> Comparison {
        guard case .compare(let decl)? = notebook.directive(id, kind: .compare)?.payload else {
            preconditionFailure("compare `\(id)` passed the check but is not a compare directive")
        }
        let a = try decl.a.numbers(of: lookup.value(decl.a))
        let b = try decl.b.numbers(of: lookup.value(decl.b))
        guard let test = ComparisonTest(rawValue: decl.test.rawValue) else {
            preconditionFailure("test `\(decl.test.rawValue)` has no Statistics counterpart")
        }
        var generator = SeededGenerator(seed: CacheKey.seed(root: notebook.frontMatter.seed, id: id))
        return Comparison.run(test, a, b, using: &generator)
    }

    func value(_ v: CompareValue, of id: String) throws -> Value {
        let c = try comparison(id)
        switch v {
        case .diff: return .number(c.diff)
        case .ci95Low: return .number(c.ci95Low)
        case .ci95High: return .number(c.ci95High)
        case .p: return .number(c.p)
        case .effect: return .number(c.effect)
        case .countA: return .integer(c.countA)
        case .countB: return .integer(c.countB)
        }
    }
}
