import Vocabulary

/// Splits prose text into plain stretches and links to numbered figures and tables.
///
/// The references are found by ``CrossReferenceGrammar`` (the same grammar the notebook checker
/// uses): `@fig-acc` and `@Fig-acc` give "Figure 1", `[@fig-acc]` drops the brackets, `-@fig-acc`
/// gives the bare number. Unknown labels are left as written (the notebook checker reports them).
enum CrossReferenceScanner {
    /// A stretch of plain text or a link to a target.
    enum Piece: Equatable {
        case text(String)
        case link(url: String, text: String)
    }

    static func split(_ text: String, references: CrossReferences) -> [Piece] {
        let chars = Array(text)
        var pieces: [Piece] = []
        var start = 0
        var i = 0
        while i < chars.count {
            guard chars[i] == "@", let match = CrossReferenceGrammar.match(in: chars, at: i),
                let target = references[match.label]
            else {
                i += 1
                continue
            }
            if match.range.lowerBound > start { pieces.append(.text(String(chars[start..<match.range.lowerBound]))) }
            pieces.append(
                .link(url: "#" + target.id, text: match.form == .numberOnly ? String(target.number) : target.text))
            i = match.range.upperBound
            start = i
        }
        if start < chars.count { pieces.append(.text(String(chars[start...]))) }
        return pieces
    }
}
