/// An error nbrun did not expect (a bug, not a problem with the notebook): exit status 70
/// (EX_SOFTWARE), printed as an internal error with the stage and directive it happened in.
public struct InternalFailure: Error, CustomStringConvertible, Sendable {
    public let underlying: String
    public var stage: String?
    public var directive: String?

    public init(_ error: Error, stage: String? = nil, directive: String? = nil) {
        self.underlying = String(describing: error)
        self.stage = stage
        self.directive = directive
    }

    public var description: String {
        var place = ""
        if let stage { place += " in stage \(stage)" }
        if let directive { place += ", directive `\(directive)`" }
        return "internal error\(place): \(underlying)\n"
            + "This is a bug in nbrun, not a problem with the notebook; please report it with the notebook that caused it."
    }
}
