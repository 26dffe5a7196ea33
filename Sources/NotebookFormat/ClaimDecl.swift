/// A `claim` directive: a conclusion stated in words and checked as a boolean expression.
public struct ClaimDecl: Equatable, Sendable {
    /// The conclusion as the article states it.
    public var text: String
    /// The condition that must hold (`holds:`).
    public var holds: ClaimExpression

    public init(text: String, holds: ClaimExpression) {
        self.text = text
        self.holds = holds
    }
}
