import Foundation

extension PageBuilder {
    /// Checks what the caller passes for a figure: a plain file name and a usable size.
    static func validate(_ figure: Figure) throws {
        let name = figure.fileName
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/"), !name.contains("\\"),
            !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw ArticleError(
                "figure file name '\(name)' must be a plain file name such as 'accuracy.png' (no folders, not hidden)")
        }
        guard figure.pixelWidth > 0, figure.pixelHeight > 0, (figure.displayWidth ?? 1) > 0 else {
            throw ArticleError(
                "figure '\(name)': sizes must be positive (pixels \(figure.pixelWidth)x\(figure.pixelHeight), display width \(figure.displayWidth.map(String.init) ?? "nil"))"
            )
        }
    }

    /// The element id of a figure or table: its label, or a generated `figure-N` / `table-N`.
    static func elementID(label: String?, fallback: String, _ slugger: inout HeadingSlugger) throws -> String {
        guard let label else { return slugger.slug(for: fallback) }
        let allowed = label.unicodeScalars.allSatisfy {
            ($0.isASCII && (CharacterSet.alphanumerics.contains($0))) || "-_.:".unicodeScalars.contains($0)
        }
        guard !label.isEmpty, allowed else {
            throw ArticleError(
                "label '\(label)' is not usable as an id: use letters, digits, '-', '_' (e.g. fig-accuracy)")
        }
        guard !slugger.used.contains(label) else {
            throw ArticleError("duplicate label '\(label)': each figure and table label must be unique")
        }
        slugger.reserve(label)
        return label
    }
}
