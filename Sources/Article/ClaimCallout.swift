/// A checked conclusion shown where it stands: its number, ✓ or ✗, its text and the numbers that
/// decided it ("0.0962 > 1.25 × 0.0586 in 5 of 5 seeds"). Numbered "Claim N" (主張 N) for `@clm-`.
public struct ClaimCallout: Sendable, Equatable {
    /// `clm-…`, the target of `@clm-…` references.
    public var label: String?
    /// The conclusion in words.
    public var text: String
    /// Whether the condition held.
    public var holds: Bool
    /// The deciding numbers, as plain text.
    public var detail: String
    /// False with `#| echo: false`: numbered and checked, not shown.
    public var shown: Bool

    public init(label: String?, text: String, holds: Bool, detail: String, shown: Bool = true) {
        self.label = label
        self.text = text
        self.holds = holds
        self.detail = detail
        self.shown = shown
    }

    /// ✓ or ✗.
    var mark: String { holds ? "✓" : "✗" }
}
