import Foundation

extension Figure {
    /// Makes a figure whose pixel size is read from the PNG's IHDR chunk.
    ///
    /// PNG layout (RFC 2083 §3.2, §4.1.1): 8-byte signature, then the IHDR chunk
    /// (4-byte length, `IHDR`, width and height as big-endian UInt32).
    /// - Throws: `ArticleError` when `png` is not a PNG.
    public init(
        label: String? = nil, caption: String? = nil, fileName: String, png: Data, alt: String,
        displayWidth: Int? = nil
    ) throws {
        guard let size = Figure.pngSize(png) else {
            throw ArticleError("figure '\(fileName)': the data is not a PNG image (no PNG signature and IHDR chunk)")
        }
        self.init(
            label: label, caption: caption, fileName: fileName, png: png, alt: alt,
            pixelWidth: size.width, pixelHeight: size.height, displayWidth: displayWidth)
    }

    /// Width and height from a PNG's IHDR chunk, or nil when the bytes are not a PNG.
    public static func pngSize(_ png: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](png.prefix(24))
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count == 24, Array(bytes[0..<8]) == signature,
            Array(bytes[12..<16]) == Array("IHDR".utf8)
        else { return nil }
        func be32(_ i: Int) -> Int { bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }
}
