import Foundation
import NotebookFormat

/// A problem in the user's input, their data or a verification: printed as is, exit status 1.
///
/// Each failure is stamped with the pipeline step it happened in (`[3/7] train no_dropout`) and,
/// where there is one, the notebook location it concerns.
public struct RunnerFailure: Error, CustomStringConvertible, Sendable {
    public var step: String?
    public var message: String

    public init(step: String? = nil, message: String) {
        self.step = step
        self.message = message
    }

    /// All the problems the checker found, one per paragraph, then their count.
    public init(diagnostics: DiagnosticList, step: String? = nil) {
        self.init(step: step, message: diagnostics.description + "; nothing was run or written")
    }

    public var description: String {
        guard let step else { return message }
        return "error in step \(step):\n\(message)"
    }
}
