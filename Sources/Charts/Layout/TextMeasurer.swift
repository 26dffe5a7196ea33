/// The size of one line of text: advance width and ink above and below the baseline, in px.
public struct TextMetrics: Sendable, Equatable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
    }
    public var height: Double { ascent + descent }
}

/// Measures text for layout; the Cairo backend measures with the fonts it draws with, tests use
/// a deterministic stand-in.
public protocol TextMeasurer {
    /// Metrics of `text` (one line) at `size` px.
    func measure(_ text: String, size: Double) -> TextMetrics
}

/// A deterministic measurer: 0.6 em per narrow character, 1 em per wide (CJK, fullwidth)
/// character; ascent 0.73 em and descent 0.21 em for narrow text, 0.88 / 0.12 em with wide text.
public struct FixedWidthTextMeasurer: TextMeasurer {
    public init() {}

    public func measure(_ text: String, size: Double) -> TextMetrics {
        var ems = 0.0
        var wide = false
        for s in text.unicodeScalars {
            if Self.isWide(s) {
                ems += 1
                wide = true
            } else {
                ems += 0.6
            }
        }
        if text.isEmpty { return TextMetrics(width: 0, ascent: 0, descent: 0) }
        return wide
            ? TextMetrics(width: ems * size, ascent: 0.88 * size, descent: 0.12 * size)
            : TextMetrics(width: ems * size, ascent: 0.73 * size, descent: 0.21 * size)
    }

    /// East Asian wide ranges: CJK symbols, kana, CJK ideographs, Hangul, fullwidth forms.
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default: return false
        }
    }
}
