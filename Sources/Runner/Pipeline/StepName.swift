/// A named step of the run, printed as `[index/total] name`.
struct StepName: CustomStringConvertible, Sendable {
    let index: Int
    let total: Int
    let name: String

    var description: String { "[\(index)/\(total)] \(name)" }
}
