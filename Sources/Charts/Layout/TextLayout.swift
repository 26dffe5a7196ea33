/// Text helpers shared by the layouts: placing one measured line, and wrapping to a width.
struct TextLayout {
    var measurer: TextMeasurer
    var style: Style

    /// Line advance for multi-line text: 1.2 font sizes (matplotlib's `linespacing`).
    func lineHeight(_ size: Double) -> Double { 1.2 * size }

    /// A text item with its baseline through `anchor`, and its ink bounds.
    func item(
        _ text: String, at anchor: Point, size: Double, align: TextAlign = .center,
        rotated: Bool = false, color: Color = .black
    ) -> TextItem {
        let m = measurer.measure(text, size: size)
        let start: Double
        switch align {
        case .left: start = 0
        case .center: start = -m.width / 2
        case .right: start = -m.width
        }
        let bounds: Rect
        if rotated {
            // Reading upwards: the advance runs towards -y, glyph tops point towards -x.
            bounds = Rect(
                left: anchor.x - m.ascent, top: anchor.y - start - m.width,
                right: anchor.x + m.descent, bottom: anchor.y - start)
        } else {
            bounds = Rect(
                left: anchor.x + start, top: anchor.y - m.ascent, right: anchor.x + start + m.width,
                bottom: anchor.y + m.descent)
        }
        return TextItem(
            text: text, anchor: anchor, size: size, align: align, rotated: rotated, color: color,
            bounds: bounds)
    }

    /// Splits `text` into lines no wider than `maxWidth`: at spaces, and between any two
    /// characters of a word still too wide (Japanese has no spaces). Never returns no lines.
    func wrap(_ text: String, maxWidth: Double, size: Double) -> [String] {
        if text.isEmpty || measurer.measure(text, size: size).width <= maxWidth { return [text] }
        var lines: [String] = []
        var current = ""
        func fits(_ s: String) -> Bool { measurer.measure(s, size: size).width <= maxWidth }
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if fits(candidate) {
                current = candidate
                continue
            }
            if !current.isEmpty {
                lines.append(current)
                current = ""
            }
            if fits(word) {
                current = word
                continue
            }
            for ch in word {
                let next = current + String(ch)
                if fits(next) || current.isEmpty {
                    current = next
                    continue
                }
                // Prefer a break after Japanese punctuation or before an opening bracket, if one
                // lies in the second half of the line; else break between any two characters.
                let chars = Array(current)
                if let cut = (max(1, chars.count / 2)..<chars.count).reversed().first(where: {
                    TextLayout.breaksAfter(chars[$0 - 1], chars[$0])
                }) {
                    lines.append(String(chars[..<cut]))
                    current = String(chars[cut...]) + String(ch)
                } else {
                    lines.append(current)
                    current = String(ch)
                }
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [text] : lines
    }

    /// Whether a line may end between `a` and `b` by preference: after 、。・）」 or before （「.
    static func breaksAfter(_ a: Character, _ b: Character) -> Bool {
        "、。，．・）」』】".contains(a) || "（「『【".contains(b)
    }

    /// Widest line of `lines` at `size`.
    func maxWidth(_ lines: [String], size: Double) -> Double {
        lines.map { measurer.measure($0, size: size).width }.max() ?? 0
    }

    /// Ink above the baseline of the first line plus line advances plus ink below the last.
    func blockHeight(_ lines: [String], size: Double) -> Double {
        guard let first = lines.first, let last = lines.last else { return 0 }
        let a = measurer.measure(first, size: size).ascent
        let d = measurer.measure(last, size: size).descent
        return a + Double(lines.count - 1) * lineHeight(size) + d
    }
}
