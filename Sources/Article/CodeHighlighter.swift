import Foundation

/// Simple syntax colouring for echoed directive sources: HTML with `<span class="tok-...">`.
///
/// Not a parser: a line scanner that knows YAML (keys, strings, numbers, booleans, comments),
/// Keras layer calls in `model` bodies (`Conv2D(32, 3, activation="relu")`: layer name, keyword
/// arguments, Python literals), nbrun's `${param}` and `{{ expr }}`, and the directive fence.
/// Everything is HTML-escaped. Token classes: `tok-fence`, `tok-kind`, `tok-id`, `tok-key`,
/// `tok-str`, `tok-num`, `tok-bool`, `tok-com`, `tok-var`, `tok-layer`, `tok-arg`, `tok-punct`.
enum CodeHighlighter {
    enum Language { case yaml, keras }

    /// The highlighted source of a directive. `#|` option lines are dropped (Quarto does the same).
    static func highlight(_ source: String, kind: String) -> String {
        let language: Language = kind == "model" ? .keras : .yaml
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines = lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        var out: [String] = []
        for line in lines {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.hasPrefix("#|") { continue }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                out.append(fence(line))
            } else {
                out.append(highlightLine(line, language))
            }
        }
        return out.joined(separator: "\n")
    }

    /// A fence line: ```` ```{train} no_dropout ```` → fence, kind and id spans.
    static func fence(_ line: String) -> String {
        let chars = Array(line)
        var i = 0
        while i < chars.count, chars[i] == "`" || chars[i] == "~" || chars[i] == " " { i += 1 }
        var html = span("tok-fence", String(chars[0..<i]))
        let rest = String(chars[i...])
        if rest.hasPrefix("{"), let close = rest.firstIndex(of: "}") {
            let kind = rest[rest.index(after: rest.startIndex)..<close]
            html += span("tok-fence", "{") + span("tok-kind", String(kind)) + span("tok-fence", "}")
            let after = rest[rest.index(after: close)...]
            let leading = after.prefix(while: { $0 == " " })
            let id = after.dropFirst(leading.count)
            html += String(leading) + (id.isEmpty ? "" : span("tok-id", String(id)))
        } else {
            html += HTMLText.escape(rest)
        }
        return html
    }

    /// One body line.
    static func highlightLine(_ line: String, _ language: Language) -> String {
        let chars = Array(line)
        var html = ""
        var i = 0
        // Indentation and YAML list dashes.
        while i < chars.count, chars[i] == " " || chars[i] == "\t" {
            html.append(chars[i])
            i += 1
        }
        if language == .yaml {
            while i + 1 < chars.count, chars[i] == "-", chars[i + 1] == " " {
                html += span("tok-punct", "-") + " "
                i += 2
            }
            if i < chars.count, chars[i] == "-", i + 1 == chars.count {
                html += span("tok-punct", "-")
                i += 1
            }
        }
        var atKeyPosition = true
        while i < chars.count {
            let c = chars[i]
            let previous: Character? = i > 0 ? chars[i - 1] : nil
            if c == "#", previous == nil || previous == " " || previous == "\t" {
                html += span("tok-com", String(chars[i...]))
                break
            }
            if c == "\"" || c == "'" {
                let end = stringEnd(chars, from: i)
                html += span("tok-str", String(chars[i..<end]))
                i = end
                atKeyPosition = false
                continue
            }
            if c == "$", i + 1 < chars.count, chars[i + 1] == "{", let close = chars[i...].firstIndex(of: "}") {
                html += span("tok-var", String(chars[i...close]))
                i = close + 1
                atKeyPosition = false
                continue
            }
            if c == "{", i + 1 < chars.count, chars[i + 1] == "{", let close = closingBraces(chars, from: i + 2) {
                html += span("tok-var", String(chars[i..<close]))
                i = close
                atKeyPosition = false
                continue
            }
            if let end = numberEnd(chars, from: i) {
                html += span("tok-num", String(chars[i..<end]))
                i = end
                atKeyPosition = false
                continue
            }
            if isIdentifierStart(c) {
                var end = i + 1
                while end < chars.count, isIdentifierPart(chars[end], language) { end += 1 }
                let word = String(chars[i..<end])
                var next = end
                while next < chars.count, chars[next] == " " { next += 1 }
                let following: Character? = next < chars.count ? chars[next] : nil
                let afterFollowing: Character? = next + 1 < chars.count ? chars[next + 1] : nil
                let wordClass: String?
                switch language {
                case .yaml:
                    if atKeyPosition, following == ":", afterFollowing == nil || afterFollowing == " " {
                        wordClass = "tok-key"
                    } else if ["true", "false", "null", "yes", "no", "True", "False", "None"].contains(word) {
                        wordClass = "tok-bool"
                    } else {
                        wordClass = nil
                    }
                case .keras:
                    if following == "(", c.isUppercase {
                        wordClass = "tok-layer"
                    } else if following == "=", afterFollowing != "=" {
                        wordClass = "tok-arg"
                    } else if ["True", "False", "None"].contains(word) {
                        wordClass = "tok-bool"
                    } else {
                        wordClass = nil
                    }
                }
                html += wordClass.map { span($0, word) } ?? HTMLText.escape(word)
                i = end
                atKeyPosition = false
                continue
            }
            atKeyPosition = c == "{" || c == "," || (atKeyPosition && c == " ")
            if "{}[](),:=".contains(c) {
                html += span("tok-punct", String(c))
            } else {
                html += HTMLText.escape(String(c))
            }
            i += 1
        }
        return html
    }

    private static func span(_ cls: String, _ text: String) -> String {
        "<span class=\"\(cls)\">\(HTMLText.escape(text))</span>"
    }

    /// Index after the closing quote (or the line's end when unterminated); `\` escapes in "...".
    private static func stringEnd(_ chars: [Character], from start: Int) -> Int {
        let quote = chars[start]
        var i = start + 1
        while i < chars.count {
            if chars[i] == "\\", quote == "\"" {
                i += 2
                continue
            }
            if chars[i] == quote { return i + 1 }
            i += 1
        }
        return chars.count
    }

    /// Index after `}}`, searching from `start`.
    private static func closingBraces(_ chars: [Character], from start: Int) -> Int? {
        var i = start
        while i + 1 < chars.count {
            if chars[i] == "}", chars[i + 1] == "}" { return i + 2 }
            i += 1
        }
        return nil
    }

    /// End of a number literal at `start` (`32`, `-0.5`, `1e-3`, `.5`) that is not part of a word.
    static func numberEnd(_ chars: [Character], from start: Int) -> Int? {
        if start > 0, isIdentifierPart(chars[start - 1], .yaml) || chars[start - 1] == "." { return nil }
        var i = start
        if i < chars.count, chars[i] == "-" || chars[i] == "+" { i += 1 }
        let digitsStart = i
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
        if i < chars.count, chars[i] == ".", i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isNumber {
            i += 1
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
        }
        let hasDigits = chars[digitsStart..<i].contains { $0.isNumber }
        guard hasDigits else { return nil }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            var j = i + 1
            if j < chars.count, chars[j] == "-" || chars[j] == "+" { j += 1 }
            let expStart = j
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            if j > expStart { i = j }
        }
        if i < chars.count, isIdentifierPart(chars[i], .yaml) { return nil }
        return i
    }

    private static func isIdentifierStart(_ c: Character) -> Bool {
        c == "_" || c.isLetter
    }

    private static func isIdentifierPart(_ c: Character, _ language: Language) -> Bool {
        c == "_" || c.isLetter || c.isNumber || (language == .yaml && (c == "." || c == "-"))
    }
}
