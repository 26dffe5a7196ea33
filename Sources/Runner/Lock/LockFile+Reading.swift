import Foundation

/// Reading a lock someone may have edited, renamed or written with another nbrun: every refusal
/// says what is wrong in words (never a raw `DecodingError`).
extension LockFile {
    /// The lock formats this nbrun reads.
    static let formats: Set<Int> = [1]

    /// What is wrong with a lock file, for the message "`path`: not a valid nbrun lock file (…)".
    struct ReadError: Error, CustomStringConvertible {
        let description: String
    }

    /// Reads and decodes `url`; unknown formats, missing keys and wrong types become ``ReadError``s.
    static func read(from url: URL) throws -> LockFile {
        let data = try Data(contentsOf: url)
        struct Header: Decodable { var format: Int? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw ReadError(description: "it is not a JSON object")
        }
        guard let format = header.format else { throw ReadError(description: "it has no `format` key") }
        guard formats.contains(format) else {
            throw ReadError(
                description:
                    "its format is \(format), and this nbrun reads format \(formats.sorted().map(String.init).joined(separator: ", ")); "
                    + "it was written by another nbrun version")
        }
        do {
            return try JSONDecoder().decode(LockFile.self, from: data)
        } catch let error as DecodingError {
            throw ReadError(description: Self.describe(error))
        }
    }

    /// A `DecodingError` in words, with the JSON path of the offending key.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.isEmpty
                ? "the top level"
                : "`"
                    + keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                    .joined(separator: ".").replacingOccurrences(of: ".[", with: "[") + "`"
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = context.codingPath.isEmpty ? "" : " in \(path(context.codingPath))"
            return "the key `\(key.stringValue)` is missing\(at)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context.codingPath)) has the wrong type or is null"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)) is not valid JSON here"
        @unknown default:
            return "it cannot be decoded"
        }
    }

    /// Refuses a lock written for another notebook (`nb.txt` and `nb.md` share `nb.lock.json`).
    static func checkOwner(_ lock: LockFile, notebook: URL, lockURL: URL) throws {
        let name = notebook.lastPathComponent
        guard lock.notebook != name else { return }
        throw RunnerFailure(
            message: "\(lockURL.path) is the lock of the notebook `\(lock.notebook)`, not of `\(name)`; "
                + "rename one of the notebooks (they share the lock's name) or remove the lock if it is stale")
    }
}
