/// One complex CSS selector of the subset the fragment's style inliner understands.
///
/// Compounds are a type (or none, or `*`), classes, `:first-child`, `:not(type)` and `:lang(x)`;
/// combinators are descendant (space), child (`>`) and next sibling (`+`). Anything else (`:hover`,
/// `::before`, `:is()`, `:root`, ids, attributes, `~`) makes ``init(_:)`` return nil and the rule is
/// left out of the fragment, which cannot express states, generated content or page-level context.
struct CSSSelector: Equatable {
    struct Compound: Equatable {
        var type: String?
        var classes: [String] = []
        var firstChild = false
        var notType: String?
        var lang: String?
    }

    enum Combinator: Equatable { case descendant, child, nextSibling }

    /// Compounds from left to right; `combinators[i]` joins `compounds[i]` and `compounds[i + 1]`.
    var compounds: [Compound]
    var combinators: [Combinator]

    /// (classes and pseudo-classes, types), compared lexicographically; there are no ids.
    var specificity: (Int, Int) {
        var classes = 0
        var types = 0
        for compound in compounds {
            classes += compound.classes.count + (compound.firstChild ? 1 : 0) + (compound.lang == nil ? 0 : 1)
            types += (compound.type == nil ? 0 : 1) + (compound.notType == nil ? 0 : 1)
        }
        return (classes, types)
    }

    init?(_ text: String) {
        compounds = []
        combinators = []
        var pendingCombinator: Combinator?
        var chars = Array(text.trimmingCharacters(in: .whitespacesAndNewlines))[...]
        while !chars.isEmpty {
            if chars.first == " " || chars.first == "\n" || chars.first == "\t" || chars.first == ">"
                || chars.first == "+"
            {
                var combinator = Combinator.descendant
                while let c = chars.first, c == " " || c == "\n" || c == "\t" || c == ">" || c == "+" {
                    if c == ">" { combinator = .child }
                    if c == "+" { combinator = .nextSibling }
                    chars = chars.dropFirst()
                }
                pendingCombinator = combinator
                continue
            }
            guard let compound = Self.compound(&chars) else { return nil }
            if !compounds.isEmpty {
                guard let combinator = pendingCombinator else { return nil }
                combinators.append(combinator)
            }
            compounds.append(compound)
            pendingCombinator = nil
        }
        if compounds.isEmpty || pendingCombinator != nil { return nil }
    }

    private static func identifier(_ chars: inout ArraySlice<Character>) -> String {
        var name = ""
        while let c = chars.first, c.isLetter || c.isNumber || c == "-" || c == "_" {
            name.append(c)
            chars = chars.dropFirst()
        }
        return name
    }

    private static func compound(_ chars: inout ArraySlice<Character>) -> Compound? {
        var compound = Compound()
        var universal = false
        if chars.first == "*" {
            universal = true
            chars = chars.dropFirst()
        } else if let c = chars.first, c.isLetter {
            compound.type = identifier(&chars).lowercased()
        }
        while let c = chars.first, c == "." || c == ":" {
            chars = chars.dropFirst()
            if c == "." {
                let name = identifier(&chars)
                guard !name.isEmpty else { return nil }
                compound.classes.append(name)
                continue
            }
            let pseudo = identifier(&chars)
            if pseudo == "first-child" {
                compound.firstChild = true
            } else if pseudo == "not" || pseudo == "lang" {
                guard chars.first == "(", let close = chars.firstIndex(of: ")") else { return nil }
                let argument = String(chars[chars.index(after: chars.startIndex)..<close])
                    .trimmingCharacters(in: .whitespaces)
                chars = chars[chars.index(after: close)...]
                guard !argument.isEmpty, argument.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                    return nil
                }
                if pseudo == "not" { compound.notType = argument.lowercased() } else { compound.lang = argument }
            } else {
                return nil
            }
        }
        let empty =
            compound.type == nil && compound.classes.isEmpty && !compound.firstChild
            && compound.notType == nil && compound.lang == nil
        if let c = chars.first, !(c == " " || c == "\n" || c == "\t" || c == ">" || c == "+") { return nil }
        return empty && !universal ? nil : compound
    }
}
