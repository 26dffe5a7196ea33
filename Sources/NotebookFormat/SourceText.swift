import Foundation

/// A notebook's text split into lines (line endings normalised to `\n`), for quoting.
struct SourceText {
    let file: String
    let text: String
    let lines: [String]

    init(file: String, text: String) {
        var t = text
        if t.hasPrefix("\u{FEFF}") { t.removeFirst() }
        t = t.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        self.file = file
        self.text = t
        self.lines = t.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Line `n` (1-based), or "" outside the file.
    func line(_ n: Int) -> String {
        n >= 1 && n <= lines.count ? lines[n - 1] : ""
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// Decodes file bytes as UTF-8, or explains why they are not a text notebook.
    static func decode(_ data: Data, file: String) throws -> SourceText {
        if let nul = data.firstIndex(of: 0) {
            let (line, column) = position(of: nul - data.startIndex, in: data)
            throw DiagnosticList([
                Diagnostic(
                    location: SourceLocation(file: file, line: line, column: column),
                    message: "this is a binary file (it contains a NUL byte), not a Markdown notebook",
                    sourceLine: "", length: 1, suggestion: nil)
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let offset = firstInvalidUTF8Offset(data) ?? 0
            let (line, column) = position(of: offset, in: data)
            let byte = data[data.startIndex + offset]
            throw DiagnosticList([
                Diagnostic(
                    location: SourceLocation(file: file, line: line, column: column),
                    message: "the file is not valid UTF-8 (byte 0x\(String(format: "%02X", byte)) at offset \(offset))",
                    sourceLine: "", length: 1,
                    suggestion: "save the notebook as UTF-8 text")
            ])
        }
        return SourceText(file: file, text: text)
    }

    /// Line and character column of a byte offset, counting the valid UTF-8 before it.
    private static func position(of offset: Int, in data: Data) -> (Int, Int) {
        let prefix = data.prefix(offset)
        var line = 1
        var lineStart = prefix.startIndex
        for i in prefix.indices where prefix[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let lineBytes = prefix[lineStart...]
        let column = String(decoding: lineBytes, as: UTF8.self).count + 1
        return (line, column)
    }

    private static func firstInvalidUTF8Offset(_ data: Data) -> Int? {
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let n: Int
            switch b {
            case 0x00...0x7F: n = 1
            case 0xC2...0xDF: n = 2
            case 0xE0...0xEF: n = 3
            case 0xF0...0xF4: n = 4
            default: return i
            }
            if i + n > bytes.count { return i }
            for k in 1..<n where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += n
        }
        return nil
    }
}
