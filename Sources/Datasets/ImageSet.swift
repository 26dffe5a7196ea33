/// A set of labelled images stored as bytes: `count` images of `height x width x channels`.
///
/// Pixels are row-major HWC per image, images one after another, so image `i` occupies
/// `pixels[i * imageSize ..< (i + 1) * imageSize]`. Labels are class indices, one per image.
public struct ImageSet: Sendable, Equatable {
    /// Number of images (and labels).
    public let count: Int
    /// Rows per image.
    public let height: Int
    /// Columns per image.
    public let width: Int
    /// Values per pixel (1 for MNIST).
    public let channels: Int
    /// `count * height * width * channels` bytes, row-major HWC per image.
    public let pixels: [UInt8]
    /// `count` class indices.
    public let labels: [UInt8]

    /// Wraps pixel and label arrays; the sizes must agree (a programmer error otherwise).
    public init(count: Int, height: Int, width: Int, channels: Int, pixels: [UInt8], labels: [UInt8]) {
        precondition(
            count >= 0 && height > 0 && width > 0 && channels > 0,
            "ImageSet: bad shape \(count)x\(height)x\(width)x\(channels)")
        precondition(
            pixels.count == count * height * width * channels,
            "ImageSet: \(pixels.count) pixels for \(count)x\(height)x\(width)x\(channels)")
        precondition(labels.count == count, "ImageSet: \(labels.count) labels for \(count) images")
        self.count = count
        self.height = height
        self.width = width
        self.channels = channels
        self.pixels = pixels
        self.labels = labels
    }

    /// Bytes per image: `height * width * channels`.
    public var imageSize: Int { height * width * channels }

    /// The shape of one image as `[height, width, channels]` (Keras' `input_shape`).
    public var imageShape: [Int] { [height, width, channels] }

    /// The first `n` images (all of them when `n >= count`), in their original order.
    public func prefix(_ n: Int) -> ImageSet {
        precondition(n >= 0, "ImageSet.prefix: negative count \(n)")
        if n >= count { return self }
        return ImageSet(
            count: n, height: height, width: width, channels: channels,
            pixels: Array(pixels[0..<n * imageSize]), labels: Array(labels[0..<n]))
    }

    /// Images `range` (clamped to `0..<count`), in their original order.
    public func slice(_ range: Range<Int>) -> ImageSet {
        let lower = min(max(range.lowerBound, 0), count)
        let upper = min(max(range.upperBound, lower), count)
        return ImageSet(
            count: upper - lower, height: height, width: width, channels: channels,
            pixels: Array(pixels[lower * imageSize..<upper * imageSize]),
            labels: Array(labels[lower..<upper]))
    }

    /// How many images carry each label, indexed by label value (length `max label + 1`).
    public func classCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: Int(labels.max() ?? 0) + 1)
        for label in labels { counts[Int(label)] += 1 }
        return count == 0 ? [] : counts
    }
}
