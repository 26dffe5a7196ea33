/// Data or settings that `fit`/`evaluate` cannot use, with a user-facing message.
public struct TrainingError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
