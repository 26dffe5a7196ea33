/// cmark-gfm could not set up a parser or render (out of memory, a missing extension library).
public struct MarkdownError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
