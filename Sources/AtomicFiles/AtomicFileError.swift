/// A file-system failure while writing atomically: what could not be done, and why (strerror).
public struct AtomicFileError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
