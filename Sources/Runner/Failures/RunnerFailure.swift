import Foundation
import NotebookFormat

/// A problem in the notebook, its data, or a verification (a changed number): exit status 1.
///
/// The stage runner stamps each failure with the stage it happened in (`[3/6] execute`) and the
/// executor with the directive it concerns (`train no_dropout` at `notebook.md:42:1`), so a
/// failure raised deep inside a training says where in the notebook it belongs.
public struct RunnerFailure: Error, CustomStringConvertible, Sendable {
    public var message: String
    /// `[3/6] execute`.
    public var stage: String?
    /// `train no_dropout`.
    public var directive: String?
    /// Where that directive starts in the notebook.
    public var location: SourceLocation?

    public init(message: String, stage: String? = nil, directive: String? = nil, location: SourceLocation? = nil) {
        self.message = message
        self.stage = stage
        self.directive = directive
        self.location = location
    }

    /// All the problems the checker found, one per paragraph, then their count.
    public init(diagnostics: DiagnosticList) {
        self.init(message: diagnostics.description + "; nothing was run or written")
    }

    /// `error in stage [3/6] execute, directive `dataset digits`:` then
    /// `t.md:7:1: error: data set `digits` cannot be loaded: ...`.
    public var description: String {
        var body = message
        if let location {
            body = "\(location.file):\(location.line):\(location.column): error: \(message)"
        }
        guard let stage else { return body }
        let directivePart = directive.map { ", directive `\($0)`" } ?? ""
        return "error in stage \(stage)\(directivePart):\n\(body)"
    }
}
