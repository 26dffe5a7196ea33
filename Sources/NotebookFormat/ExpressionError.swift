/// Why an expression could not be evaluated against the run's values.
public struct ExpressionError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
