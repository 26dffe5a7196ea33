/// Escaping for plain text placed into Markdown by the exporter (titles, table cells, alt text).
enum MarkdownText {
    /// ASCII punctuation that can start markup inside a line (CommonMark lets any ASCII punctuation be
    /// backslash-escaped): emphasis, code, links, HTML, entities, GFM table pipes, strikethrough, math.
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "$", "!"]

    /// `a | *x* _y_` → `a \| \*x\* \_y\_`; line breaks become spaces (a cell or caption is one line).
    /// An `_` between two letters or digits (`val_loss`) cannot open emphasis in GFM and stays as is.
    static func escape(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        for (index, character) in characters.enumerated() {
            if character.isNewline {
                out.append(" ")
                continue
            }
            let intraword =
                character == "_" && index > 0 && index + 1 < characters.count
                && isWordCharacter(characters[index - 1]) && isWordCharacter(characters[index + 1])
            if special.contains(character) && !intraword { out.append("\\") }
            out.append(character)
        }
        return out
    }

    private static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
}
