/// What a cross-reference label points at, named by its prefix (Quarto's convention).
///
/// A new kind is one case here, and both the checker and the page pick it up.
public enum CrossReferenceKind: String, Sendable, CaseIterable {
    case figure = "fig"
    case table = "tbl"
    case claim = "clm"

    /// `fig-`, `tbl-`, `clm-`.
    public var prefix: String { rawValue + "-" }
}

/// One `@label` found in prose.
public struct CrossReferenceMatch: Equatable, Sendable {
    /// How the reference is written (Quarto's three forms).
    public enum Form: Equatable, Sendable {
        /// `@fig-acc`: "Figure 1".
        case plain
        /// `[@fig-acc]`: the brackets are dropped, "Figure 1".
        case bracketed
        /// `-@fig-acc`: the bare number, "1".
        case numberOnly
    }

    /// The label with its prefix in lower case: `@Fig-acc` has label `fig-acc`.
    public let label: String
    public let kind: CrossReferenceKind
    /// True for `@Fig-acc` (Quarto: capitalise the word where the language writes it in lower case).
    public let capitalized: Bool
    public let form: Form
    /// Character offsets of the whole reference as written, brackets or leading `-` included.
    public let range: Range<Int>
}

/// The one grammar of cross-references, shared by the notebook checker and the page builder.
///
/// - A label is a prefix (`fig-`, `tbl-`; first letter of either case, `@Fig-acc`) followed by ASCII
///   letters, digits and `_`, with `-`, `.` and `:` allowed inside but not at the end: `@fig-acc.`
///   refers to `fig-acc` and keeps the full stop; `@fig-accの図` refers to `fig-acc`, since Japanese
///   letters are not label characters (Japanese prose needs no space after a reference).
/// - The `@` must not follow an ASCII letter, digit or one of `._+-@` (so `shou@fig-x.com` is not a
///   reference), except in the two Quarto forms `[@fig-acc]` and `-@fig-acc`.
public enum CrossReferenceGrammar {
    /// The reference whose `@` is at `at`, or nil when there is none.
    public static func match(in chars: [Character], at: Int) -> CrossReferenceMatch? {
        guard at < chars.count, chars[at] == "@", let (kind, capitalized, end) = label(in: chars, from: at + 1)
        else { return nil }
        let before: Character? = at > 0 ? chars[at - 1] : nil
        let beforeThat: Character? = at > 1 ? chars[at - 2] : nil
        var form = CrossReferenceMatch.Form.plain
        var range = at..<end
        if before == "[", end < chars.count, chars[end] == "]" {
            form = .bracketed
            range = (at - 1)..<(end + 1)
        } else if before == "-", beforeThat.map({ !isWordLike($0) }) ?? true {
            form = .numberOnly
            range = (at - 1)..<end
        } else if let before, isWordLike(before) {
            return nil
        }
        let text = String(chars[(at + 1)..<end])
        let label = kind.prefix + text.dropFirst(kind.prefix.count)
        return CrossReferenceMatch(label: label, kind: kind, capitalized: capitalized, form: form, range: range)
    }

    /// Every reference in `text`, in order (no code-span handling: callers skip code themselves).
    public static func matches(in text: String) -> [CrossReferenceMatch] {
        let chars = Array(text)
        var found: [CrossReferenceMatch] = []
        var i = 0
        while i < chars.count {
            if let m = match(in: chars, at: i) {
                found.append(m)
                i = m.range.upperBound
            } else {
                i += 1
            }
        }
        return found
    }

    /// Whether `label` is a whole, valid label of `kind` as a directive declares it (lower-case prefix).
    public static func isLabel(_ label: String, of kind: CrossReferenceKind) -> Bool {
        let chars = Array(label)
        guard label.hasPrefix(kind.prefix), let (found, capitalized, end) = self.label(in: chars, from: 0) else {
            return false
        }
        return found == kind && !capitalized && end == chars.count
    }

    /// The kind whose prefix `label` starts with (lower case), if any.
    public static func kind(ofLabel label: String) -> CrossReferenceKind? {
        CrossReferenceKind.allCases.first { label.hasPrefix($0.prefix) }
    }

    /// The label starting at `start`: its kind, whether its first letter is upper case, and the end.
    private static func label(in chars: [Character], from start: Int) -> (CrossReferenceKind, Bool, Int)? {
        for kind in CrossReferenceKind.allCases {
            let prefix = Array(kind.prefix)
            guard start + prefix.count <= chars.count else { continue }
            let written = Array(chars[start..<start + prefix.count])
            let first = written[0]
            guard first.lowercased() == String(prefix[0]), Array(written.dropFirst()) == Array(prefix.dropFirst())
            else { continue }
            var end = start + prefix.count
            while end < chars.count {
                let c = chars[end]
                if isLabelCore(c) {
                    end += 1
                } else if c == "-" || c == "." || c == ":", end + 1 < chars.count, isLabelCore(chars[end + 1]) {
                    end += 1
                } else {
                    break
                }
            }
            guard end > start + prefix.count else { return nil }
            return (kind, first.isUppercase, end)
        }
        return nil
    }

    private static func isLabelCore(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_")
    }

    /// Characters that, right before `@`, make it part of a word or e-mail address.
    private static func isWordLike(_ c: Character) -> Bool {
        (c.isASCII && (c.isLetter || c.isNumber)) || "._+-@".contains(c)
    }
}
