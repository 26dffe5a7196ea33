import Foundation

/// Moves a stylesheet into `style` attributes of an HTML fragment, for blog editors that drop `<style>`.
///
/// Walks the fragment's tags (HTML written by this module: cmark-gfm output and the partials), keeps
/// the chain of open elements, and gives each start tag the declarations of every matching rule,
/// in cascade order (specificity, then source order; an existing `style` attribute wins). The
/// fragment's outermost element stands for the page, so it also takes the rules for `body`. Text,
/// comments and end tags are copied as they are.
struct StyleInliner {
    let sheet: StyleSheet
    let lang: String

    /// An open element: what selectors look at.
    final class Element {
        let names: Set<String>
        let classes: [String]
        let parent: Element?
        let previousSibling: Element?
        var lastChild: Element?

        init(names: Set<String>, classes: [String], parent: Element?, previousSibling: Element?) {
            self.names = names
            self.classes = classes
            self.parent = parent
            self.previousSibling = previousSibling
        }
    }

    static let voidElements: Set<String> = [
        "area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr",
    ]

    func inline(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count * 2)
        let root = Element(names: [], classes: [], parent: nil, previousSibling: nil)
        var stack = [root]
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            rest = rest[open...]
            if rest.hasPrefix("<!--") {
                let end = rest.range(of: "-->")?.upperBound ?? rest.endIndex
                out += rest[..<end]
                rest = rest[end...]
                continue
            }
            guard let close = Self.tagEnd(rest) else {
                out += rest
                rest = rest[rest.endIndex...]
                break
            }
            let tag = rest[...close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("</") {
                let name = tag.dropFirst(2).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
                if let index = stack.lastIndex(where: { $0.names.contains(name) }), index > 0 {
                    stack.removeSubrange(index...)
                }
                out += tag
                continue
            }
            let name = tag.dropFirst().prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
            guard !name.isEmpty else {
                out += tag
                continue
            }
            let attributes = Self.attributes(tag)
            let parent = stack[stack.count - 1]
            let names: Set<String> = stack.count == 1 ? [name, "body"] : [name]
            let element = Element(
                names: names, classes: attributes["class"]?.split(separator: " ").map(String.init) ?? [],
                parent: parent, previousSibling: parent.lastChild)
            parent.lastChild = element
            out += rewrite(tag, element: element, existingStyle: attributes["style"])
            if !Self.voidElements.contains(name) && !tag.hasSuffix("/>") { stack.append(element) }
        }
        out += rest
        return out
    }

    /// The declarations for `element` as a `style` value, or nil when no rule matches.
    func style(for element: Element) -> String? {
        let matched = sheet.rules.filter { matches($0.selector, element) }.sorted {
            let a = $0.selector.specificity
            let b = $1.selector.specificity
            return a != b ? a < b : $0.order < $1.order
        }
        var order: [String] = []
        var values: [String: String] = [:]
        for rule in matched {
            for (property, value) in rule.declarations {
                if values[property] == nil { order.append(property) }
                values[property] = value
            }
        }
        guard !order.isEmpty else { return nil }
        return order.map { "\($0): \(values[$0]!)" }.joined(separator: "; ")
    }

    private func rewrite(_ tag: Substring, element: Element, existingStyle: String?) -> String {
        guard let computed = style(for: element) else { return String(tag) }
        let style = existingStyle.map { computed + "; " + $0 } ?? computed
        var text = String(tag)
        if existingStyle != nil {
            text = text.replacingOccurrences(
                of: #"\sstyle\s*=\s*("[^"]*"|'[^']*')"#, with: "", options: .regularExpression)
        }
        let nameEnd = text.index(
            text.startIndex, offsetBy: 1 + text.dropFirst().prefix(while: { $0.isLetter || $0.isNumber }).count)
        text.insert(contentsOf: " style=\"\(HTMLText.escape(style))\"", at: nameEnd)
        return text
    }

    private func matches(_ selector: CSSSelector, _ element: Element) -> Bool {
        matches(selector, index: selector.compounds.count - 1, element)
    }

    /// Right to left: compound `index` on `element`, then its combinator to the left.
    private func matches(_ selector: CSSSelector, index: Int, _ element: Element) -> Bool {
        guard matches(selector.compounds[index], element) else { return false }
        guard index > 0 else { return true }
        switch selector.combinators[index - 1] {
        case .child:
            guard let parent = element.parent, !parent.names.isEmpty else { return false }
            return matches(selector, index: index - 1, parent)
        case .nextSibling:
            guard let sibling = element.previousSibling else { return false }
            return matches(selector, index: index - 1, sibling)
        case .descendant:
            var ancestor = element.parent
            while let current = ancestor, !current.names.isEmpty {
                if matches(selector, index: index - 1, current) { return true }
                ancestor = current.parent
            }
            return false
        }
    }

    private func matches(_ compound: CSSSelector.Compound, _ element: Element) -> Bool {
        if let type = compound.type, !element.names.contains(type) { return false }
        if let notType = compound.notType, element.names.contains(notType) { return false }
        if !compound.classes.allSatisfy(element.classes.contains) { return false }
        if compound.firstChild, element.previousSibling != nil { return false }
        if let tag = compound.lang {
            let language = lang.lowercased()
            if !(language == tag.lowercased() || language.hasPrefix(tag.lowercased() + "-")) { return false }
        }
        return true
    }

    /// The index of the `>` closing the tag that starts `text`, skipping quoted attribute values.
    private static func tagEnd(_ text: Substring) -> Substring.Index? {
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// The attributes of a start tag whose values are quoted (all this module writes), unescaped enough
    /// for class names.
    private static func attributes(_ tag: Substring) -> [String: String] {
        var found: [String: String] = [:]
        let pattern = #"([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)')"#
        let text = String(tag)
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return found }
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let name = Range(match.range(at: 1), in: text) else { continue }
            let valueRange = Range(match.range(at: 3), in: text) ?? Range(match.range(at: 4), in: text)
            found[text[name].lowercased()] = valueRange.map { String(text[$0]) } ?? ""
        }
        return found
    }
}
