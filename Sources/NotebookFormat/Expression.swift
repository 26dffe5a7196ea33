/// A value path with accessors and filters: `no_dropout.history.val_loss.min | fixed(4)`.
public struct Expression: Equatable, Sendable {
    public let path: ValuePath
    public let filters: [FilterCall]
    /// The expression as written, trimmed (without `{{ }}`).
    public let source: String

    public init(path: ValuePath, filters: [FilterCall], source: String) {
        self.path = path
        self.filters = filters
        self.source = source
    }
}

/// `root.members...` then accessors: `no_dropout.history.val_loss.argmin`.
public struct ValuePath: Equatable, Sendable {
    /// A directive id.
    public let root: String
    /// Member names after the root, e.g. `["history", "val_loss"]`.
    public let members: [String]
    public let accessors: [Accessor]
    /// Where the root starts.
    public let location: SourceLocation
    /// `root[i]`: replicate i (1-based) of a result trained with `seeds:`; nil for the whole result.
    public let replicate: Int?

    public init(
        root: String, members: [String], accessors: [Accessor], location: SourceLocation, replicate: Int? = nil
    ) {
        self.root = root
        self.members = members
        self.accessors = accessors
        self.location = location
        self.replicate = replicate
    }

    /// `root.member.member` (no accessors).
    public var dotted: String { ([root] + members).joined(separator: ".") }
}

/// Picks one number out of a series. Positions are 1-based (epoch 1 is the first);
/// `index(-1)` is the last, `index(-2)` the one before.
public enum Accessor: Equatable, Sendable {
    case first, last, min, max, argmin, argmax
    case index(Int)

    static let names: [String: Accessor] = [
        "first": .first, "last": .last, "min": .min, "max": .max, "argmin": .argmin, "argmax": .argmax,
    ]
}

/// `percent(2)`, `fixed(4)`, `thousands`, `int`; over seeds `mean`, `pm(4)`, ...; `pvalue`
/// (every filter and where it may stand: `FilterCall.rules`).
public struct FilterCall: Equatable, Sendable {
    public let name: String
    public let arguments: [Double]
    public init(name: String, arguments: [Double]) {
        self.name = name
        self.arguments = arguments
    }

    /// Known filters.
    public static let names = rules.map(\.name)
}

/// A value a directive produced, as the runner supplies it to `Expression.evaluate`.
public enum Value: Equatable, Sendable {
    case number(Double)
    case integer(Int)
    case series([Double])
    case text(String)
    /// One value per replicate of a result trained with `seeds:` (replicate 1 first).
    case replicates([Value])
}

/// What an expression shows: the number (after accessors and `int`) and the printed text.
public struct RenderedValue: Equatable, Sendable {
    public let number: Double?
    public let text: String
    public init(number: Double?, text: String) {
        self.number = number
        self.text = text
    }
}
