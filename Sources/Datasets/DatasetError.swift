import Foundation

/// A data set could not be found, read or verified; `message` says what went wrong and what to run.
///
/// Loading never crashes on bad input: missing files, wrong checksums, truncated or malformed
/// IDX/CSV/gzip data all end up here, with the path concerned and a suggested fix.
public struct DatasetError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The whole user-facing text: what happened, where, and what to do about it.
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
