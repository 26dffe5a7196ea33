/// A `report` directive: scikit-learn's `classification_report` of an evaluation, as a table.
public struct ReportDecl: Equatable, Sendable {
    /// Evaluate id.
    public var model: String
    /// Decimals of precision, recall and F1 (sklearn's `digits`, default 2).
    public var digits: Int = 2

    public init(model: String, digits: Int = 2) {
        self.model = model
        self.digits = digits
    }
}
