/// Why a chart could not be laid out or drawn: bad data (the user's) or a Cairo failure.
public struct ChartError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// Nothing to draw, mismatched lengths, or values a scale cannot show.
        case invalidData
        /// A Cairo call reported a status other than success.
        case cairo
    }

    public var kind: Kind
    public var description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    static func data(_ message: String) -> ChartError { ChartError(.invalidData, message) }
}
