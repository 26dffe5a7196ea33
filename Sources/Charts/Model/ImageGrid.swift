/// A small grayscale image with a caption, drawn as matplotlib's `imshow(cmap="gray_r")`.
public struct GridImage: Sendable {
    public var width: Int
    public var height: Int
    /// Row-major, `width * height` values: 0 = white (background), 255 = black (ink), as MNIST
    /// pixels shown with matplotlib's reversed gray colour map.
    public var pixels: [UInt8]
    /// Text under the image, e.g. "true 3 / pred 5".
    public var caption: String
    /// Draw the caption (and a frame) in red: a mistake.
    public var highlighted: Bool = false

    public init(width: Int, height: Int, pixels: [UInt8], caption: String, highlighted: Bool = false) {
        self.width = width
        self.height = height
        self.pixels = pixels
        self.caption = caption
        self.highlighted = highlighted
    }
}

/// Images in rows of `columns`, each scaled up (nearest neighbour) to fill its cell.
public struct ImageGrid: Sendable {
    public var images: [GridImage]
    public var columns: Int
    /// Drawn centred in the figure when there are no images (an empty result is a result); without
    /// it an empty grid is an error.
    public var emptyText: String?

    public init(images: [GridImage], columns: Int, emptyText: String? = nil) {
        self.images = images
        self.columns = columns
        self.emptyText = emptyText
    }
}
