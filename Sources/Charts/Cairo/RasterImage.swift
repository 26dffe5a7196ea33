import CCairo
import Foundation

/// Decoded RGB pixels of a PNG, for comparing renderings with a tolerance.
struct RasterImage: Equatable {
    var width: Int
    var height: Int
    /// 0xRRGGBB per pixel, row-major (alpha dropped).
    var pixels: [UInt32]

    init(width: Int, height: Int, pixels: [UInt32]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Decodes PNG bytes with Cairo.
    init(png: Data) throws {
        let surface = try CairoSurface.png(Array(png))
        let converted = try CairoSurface.image(width: surface.width, height: surface.height)
        let cr = try CairoContext(converted)
        cairo_set_source_rgb(cr.pointer, 1, 1, 1)
        cairo_paint(cr.pointer)
        cairo_set_source_surface(cr.pointer, surface.pointer, 0, 0)
        cairo_paint(cr.pointer)
        try cr.check("flattening PNG")
        width = converted.width
        height = converted.height
        let w = width
        let h = height
        pixels = try converted.withPixels { data, stride in
            (0..<h).flatMap { y in
                let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                return (0..<w).map { row[$0] & 0xffffff }
            }
        }
    }

    /// PNG bytes of these pixels.
    func png() throws -> Data {
        let surface = try CairoSurface.image(width: width, height: height)
        try surface.withPixels { data, stride in
            for y in 0..<height {
                let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<width { row[x] = 0xff00_0000 | pixels[y * width + x] }
            }
        }
        return Data(try surface.pngData())
    }

    /// Largest difference of any colour channel between two pixels, 0...255.
    static func channelDifference(_ a: UInt32, _ b: UInt32) -> Int {
        var worst = 0
        for shift in [UInt32(0), 8, 16] {
            let ca = Int((a >> shift) & 0xff)
            let cb = Int((b >> shift) & 0xff)
            worst = max(worst, abs(ca - cb))
        }
        return worst
    }

    /// Comparison with `other`: the fraction of pixels whose channels differ by more than
    /// `threshold`, and a diff image (differing pixels red over a faded copy of `self`).
    func compare(to other: RasterImage, threshold: Int) -> (fraction: Double, diff: RasterImage) {
        guard width == other.width, height == other.height else {
            return (1, self)
        }
        var differing = 0
        var diff = [UInt32](repeating: 0, count: pixels.count)
        for i in pixels.indices {
            if pixels[i] != other.pixels[i] && RasterImage.channelDifference(pixels[i], other.pixels[i]) > threshold {
                differing += 1
                diff[i] = 0xff0000
            } else {
                let g = UInt32(255 - (255 - Int(pixels[i] & 0xff)) / 4)
                diff[i] = (g << 16) | (g << 8) | g
            }
        }
        return (
            Double(differing) / Double(max(pixels.count, 1)), RasterImage(width: width, height: height, pixels: diff)
        )
    }
}
