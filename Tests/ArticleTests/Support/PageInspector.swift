import Foundation

/// Pulls ids, links and images out of a rendered page with regular expressions (the page is
/// generated, so its attribute syntax is regular: double quotes, lower-case names).
struct PageInspector {
    let html: String

    func matches(_ pattern: String, group: Int = 1) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let range = NSRange(html.startIndex..., in: html)
        return regex.matches(in: html, range: range).compactMap { match in
            Range(match.range(at: group), in: html).map { String(html[$0]) }
        }
    }

    var ids: [String] { matches(##"\sid="([^"]*)""##) }
    var fragmentLinks: [String] { matches(##"<a href="#([^"]*)""##) }
    var imageSources: [String] { matches(##"<img src="([^"]*)""##) }
    var figureCaptionNumbers: [String] { matches(##"<figcaption><span class="caption-number">([^<]*)</span>"##) }
    var tableCaptionNumbers: [String] { matches(##"<caption><span class="caption-number">([^<]*)</span>"##) }
    var htmlLang: String? { matches(##"<html lang="([^"]*)""##).first }
    func headings(level: Int) -> [String] { matches("<h\(level)[^>]*>(.*?)</h\(level)>") }
}
