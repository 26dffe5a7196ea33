/// The language an article is written in, from the front matter's `lang:` tag.
///
/// The one rule: Japanese for the tag `ja` and tags starting `ja-` or `ja_` (any case), English
/// for everything else. Every ja/en word nbrun writes (page chrome, chart axes, table headings)
/// is chosen through this type.
public enum Language: Sendable, Equatable {
    case japanese, english

    public init(tag: String) {
        let tag = tag.lowercased()
        self = tag == "ja" || tag.hasPrefix("ja-") || tag.hasPrefix("ja_") ? .japanese : .english
    }

    /// Picks the word for this language.
    public func pick<T>(ja: T, en: T) -> T { self == .japanese ? ja : en }
}
