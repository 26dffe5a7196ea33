/// Finds Quarto-style cross references (`@fig-acc`, `@tbl-results`) in a piece of prose.
///
/// Rules (Quarto's syntax, restricted so Japanese prose works without spaces):
/// - a label is `fig-` or `tbl-` followed by ASCII letters, digits and `_`, with `-`, `.` and `:`
///   allowed inside (not at the end): `@fig-acc.` refers to `fig-acc` and keeps the full stop;
///   `@fig-accの図` refers to `fig-acc` because Japanese letters are not label characters;
/// - the `@` must not follow an ASCII letter, digit or one of `._+-@` (so `shou@fig-x.com` is an
///   e-mail address, not a reference), except for the two Quarto forms below;
/// - `[@fig-acc]` drops the brackets; `-@fig-acc` gives the bare number (`1` instead of `図 1`);
/// - `@Fig-acc` / `@Tbl-x` (Quarto's capitalised form) refer to `fig-acc` / `tbl-x`;
/// - unknown labels are left as written (the notebook checker reports them).
enum CrossReferenceScanner {
    /// A stretch of plain text or a link to a target.
    enum Piece: Equatable {
        case text(String)
        case link(url: String, text: String)
    }

    static func split(_ text: String, references: CrossReferences) -> [Piece] {
        let chars = Array(text)
        var pieces: [Piece] = []
        var pending: [Character] = []
        var i = 0
        while i < chars.count {
            guard chars[i] == "@", let (label, end) = label(in: chars, at: i + 1),
                let target = references[label]
            else {
                pending.append(chars[i])
                i += 1
                continue
            }
            let before: Character? = i > 0 ? chars[i - 1] : nil
            let beforeThat: Character? = i > 1 ? chars[i - 2] : nil
            var bareNumber = false
            var bracketed = false
            if before == "[", end < chars.count, chars[end] == "]" {
                bracketed = true
            } else if before == "-", beforeThat.map({ !isWordLike($0) }) ?? true {
                bareNumber = true
            } else if let before, isWordLike(before) {
                pending.append(chars[i])
                i += 1
                continue
            }
            if (bracketed || bareNumber) && !pending.isEmpty { pending.removeLast() }
            if !pending.isEmpty { pieces.append(.text(String(pending))) }
            pending = []
            pieces.append(.link(url: "#" + target.id, text: bareNumber ? String(target.number) : target.text))
            i = bracketed ? end + 1 : end
        }
        if !pending.isEmpty { pieces.append(.text(String(pending))) }
        return pieces
    }

    /// The label starting at `start` (just after `@`) and the index after it, or nil.
    static func label(in chars: [Character], at start: Int) -> (String, Int)? {
        let prefixes = ["fig-", "tbl-", "Fig-", "Tbl-"]
        guard
            let prefix = prefixes.first(where: { p in
                start + p.count <= chars.count && String(chars[start..<start + p.count]) == p
            })
        else { return nil }
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
        // `@Fig-acc` (Quarto's capitalised form) refers to `fig-acc`; the words are capitalised already.
        return (prefix.lowercased() + String(chars[start + prefix.count..<end]), end)
    }

    private static func isLabelCore(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_")
    }

    /// Characters that, right before `@`, make it part of a word or e-mail address.
    private static func isWordLike(_ c: Character) -> Bool {
        (c.isASCII && (c.isLetter || c.isNumber)) || "._+-@".contains(c)
    }
}
