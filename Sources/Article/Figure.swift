import Foundation

/// A PNG image with an optional label and caption; numbered in order of appearance.
public struct Figure: Sendable {
    /// Cross-reference label, Quarto style (`fig-acc`); becomes the element id. `@fig-acc` in prose links here.
    public var label: String?
    /// Caption as inline Markdown; shown after the number (`図 1: caption`).
    public var caption: String?
    /// File name inside `figures/` (`accuracy.png`): a plain name, no directories.
    public var fileName: String
    /// The PNG bytes.
    public var png: Data
    /// Alternative text for the `<img>`.
    public var alt: String
    /// Size of the PNG in pixels.
    public var pixelWidth: Int
    public var pixelHeight: Int
    /// Width in CSS px (e.g. 640 for a 1280 px image drawn at 2x); nil means `pixelWidth`.
    public var displayWidth: Int?

    public init(
        label: String? = nil, caption: String? = nil, fileName: String, png: Data, alt: String,
        pixelWidth: Int, pixelHeight: Int, displayWidth: Int? = nil
    ) {
        self.label = label
        self.caption = caption
        self.fileName = fileName
        self.png = png
        self.alt = alt
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.displayWidth = displayWidth
    }
}
