/// A user-facing failure of the article writer: bad template, bad figure name, I/O.
public struct ArticleError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The whole message, e.g. `template /x/page.mustache:3:5: ...`.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
