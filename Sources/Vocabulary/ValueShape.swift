/// What kind of value an expression path names before accessors.
public enum ValueShape: Equatable, Sendable {
    case integer, number, series
}
