import Foundation

/// A stylesheet read for inlining: its plain rules in source order and its custom properties.
///
/// Comments are dropped; at-rules (`@media`, `@page`) are skipped whole, since inline styles apply
/// to every screen and to print alike; a rule whose selector is outside ``CSSSelector``'s subset is
/// left out, and so is a lone `*`. Custom properties come from `:root` (and `:root:lang(x)` when the document's language
/// is x), and `var(--name)` in values is replaced by them.
struct StyleSheet {
    struct Rule {
        var selector: CSSSelector
        var declarations: [(property: String, value: String)]
        var order: Int
    }

    private(set) var rules: [Rule] = []
    private(set) var variables: [String: String] = [:]

    init(css: String, lang: String) {
        let text = Self.withoutComments(css)
        var chars = Array(text)[...]
        var pending: [(selectors: String, body: String)] = []
        while true {
            guard let open = chars.firstIndex(of: "{") else { break }
            let prelude = String(chars[..<open]).trimmingCharacters(in: .whitespacesAndNewlines)
            var depth = 0
            var close = open
            for index in chars[open...].indices {
                if chars[index] == "{" { depth += 1 }
                if chars[index] == "}" {
                    depth -= 1
                    if depth == 0 {
                        close = index
                        break
                    }
                }
            }
            guard close > open else { break }
            let body = String(chars[chars.index(after: open)..<close])
            chars = chars[chars.index(after: close)...]
            if prelude.hasPrefix("@") { continue }
            pending.append((prelude, body))
        }
        let language = lang.lowercased()
        for (prelude, body) in pending {
            let declarations = Self.declarations(body)
            if prelude == ":root" {
                for (property, value) in declarations where property.hasPrefix("--") { variables[property] = value }
            } else if prelude.hasPrefix(":root:lang("), prelude.hasSuffix(")") {
                let tag = prelude.dropFirst(":root:lang(".count).dropLast().lowercased()
                if language == tag || language.hasPrefix(tag + "-") {
                    for (property, value) in declarations where property.hasPrefix("--") {
                        variables[property] = value
                    }
                }
            }
        }
        for (prelude, body) in pending where !prelude.hasPrefix(":root") {
            let declarations = Self.declarations(body).filter { !$0.property.hasPrefix("--") }
            for part in Self.splitSelectors(prelude) {
                // A lone `*` is a page-wide reset (box-sizing); inlined on every element it only adds bulk.
                guard let selector = CSSSelector(part), selector.compounds != [CSSSelector.Compound()] else { continue }
                rules.append(Rule(selector: selector, declarations: declarations, order: rules.count))
            }
        }
        rules = rules.map { rule in
            var rule = rule
            rule.declarations = rule.declarations.map { ($0.property, resolve($0.value)) }
            return rule
        }
    }

    /// `var(--name)` and `var(--name, fallback)` replaced, innermost first.
    func resolve(_ value: String) -> String {
        var result = value
        for _ in 0..<8 {
            guard let start = result.range(of: "var(") else { break }
            var depth = 1
            var index = start.upperBound
            while index < result.endIndex, depth > 0 {
                if result[index] == "(" { depth += 1 }
                if result[index] == ")" { depth -= 1 }
                if depth > 0 { index = result.index(after: index) }
            }
            guard index < result.endIndex else { break }
            let inner = result[start.upperBound..<index]
            let parts = inner.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let replacement = variables[parts[0]] ?? (parts.count > 1 ? parts[1] : "")
            result.replaceSubrange(start.lowerBound...index, with: replacement)
        }
        return result.replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "  +", with: " ", options: .regularExpression)
    }

    private static func withoutComments(_ css: String) -> String {
        css.replacingOccurrences(of: "/\\*[\\s\\S]*?\\*/", with: "", options: .regularExpression)
    }

    /// `a: b; c: d` → pairs; `!important` is dropped (inline styles already win over the site's sheet).
    private static func declarations(_ body: String) -> [(property: String, value: String)] {
        body.split(separator: ";").compactMap { item in
            guard let colon = item.firstIndex(of: ":") else { return nil }
            let property = item[..<colon].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            var value = item[item.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            value = value.replacingOccurrences(of: "!important", with: "").trimmingCharacters(in: .whitespaces)
            return property.isEmpty || value.isEmpty ? nil : (property, value)
        }
    }

    /// Splits a selector list at top-level commas (not those inside `:is(...)`).
    private static func splitSelectors(_ prelude: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for c in prelude {
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if c == ",", depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
