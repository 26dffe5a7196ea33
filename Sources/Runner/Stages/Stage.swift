/// The named stages of a run, in the order the stage runner goes through them.
///
/// `nbrun NOTEBOOK.md` is ``run``; `nbrun check NOTEBOOK.md` is ``check``. Each stage is a function
/// from the previous stage's value to the next one (see docs/modules/Runner.md).
public enum Stage: String, Sendable, CaseIterable {
    /// Read the notebook's bytes once and parse them.
    case parse
    /// Format rules, model shapes and the plan, every problem as a diagnostic.
    case check
    /// Run the planned directives (cached by key); yields `RunResults`, numbers only.
    case execute
    /// Figures, tables and prose from the results; yields the document and the shown numbers.
    case render
    /// Compare a fresh lock with the recorded one (`nbrun check`).
    case compare
    /// The HTML article, its figures and timings.json.
    case writeArticle = "write article"
    /// The lock file, a pure function of the results and the shown numbers.
    case writeLock = "write lock"

    /// `nbrun NOTEBOOK.md`.
    public static let runStages: [Stage] = [.parse, .check, .execute, .render, .writeArticle, .writeLock]
    /// `nbrun check NOTEBOOK.md`.
    public static let checkStages: [Stage] = [.parse, .check, .execute, .render, .compare, .writeArticle]
}

/// One stage in its run: `[3/6] execute`.
public struct StageStep: Sendable, Equatable, CustomStringConvertible {
    public let stage: Stage
    public let index: Int
    public let total: Int

    public var description: String { "[\(index)/\(total)] \(stage.rawValue)" }
}
