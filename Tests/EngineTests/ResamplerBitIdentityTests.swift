import XCTest

@testable import Engine

/// `ImageResampler`'s specialised loops against `ScalarReferenceResampler` (the per-pixel scalar
/// version they replaced): forward and backward must give the same bits for every fill mode and
/// interpolation, on random images and maps (the layers' own draws, large rotations, shifts by
/// whole and half pixels and beyond the image, strong zooms, signed zeros, coordinates beyond
/// 2^51), one and three channels, square, oblong and
/// one-pixel-wide images.
final class ResamplerBitIdentityTests: XCTestCase {
    private static let shapes = [(28, 28, 1), (9, 13, 3), (1, 7, 1), (6, 1, 2)]

    /// Maps that reach every branch: the layers' draws, exact pixel shifts, far shifts, big turns.
    private func maps(height h: Int, width w: Int, generator g: inout SeededGenerator) -> [ImageResampler.AffineMap] {
        let (wl, hl) = (Double(w - 1), Double(h - 1))
        var result: [[Double]] = [
            [1, 0, 0, 0, 1, 0], [1, 0, -2, 0, 1, 3], [1, 0, -0.0, 0, 1, -0.0], [2, -0.0, 1, -0.0, 0.5, -3],
            [-1, 0, wl, 0, -1, hl], [-1, -0.0, wl, 0, 1, -0.0], [1, 0, 0.5, 0, 1, -0.5],
            [1, 1e-300, 0.5, 1e-300, 1, -2.5],
            [1e17, 0, 0, 0, 1e17, 0], [1e17, 1, 0, 1, 1e17, 0], [0.5, 0.5, -1e16, -0.5, 0.5, 3e15],
        ]
        for kind: AffineAugmentationLayer.Kind in [
            .rotation(FactorRange(symmetric: 0.1)),
            .translation(height: FactorRange(symmetric: 0.1), width: FactorRange(symmetric: 0.1)),
            .zoom(height: FactorRange(symmetric: 0.1), width: nil),
            .zoom(height: FactorRange(symmetric: 0.5), width: FactorRange(symmetric: 0.9)),
        ] {
            let layer = AffineAugmentationLayer(input: [h, w, 1], kind: kind, options: .keras)
            for _ in 0..<6 { result.append(layer.matrix(generator: &g)) }
        }
        for _ in 0..<6 {
            let u = Double(g.nextUniformFloat())
            let v = Double(g.nextUniformFloat())
            result.append(AffineAugmentationLayer.rotation(turns: 2 * u - 1, height: h, width: w))
            result.append([1, 0, (v - 0.5) * Double(5 * w), 0, 1, (u - 0.5) * Double(5 * h)])
            result.append(AffineAugmentationLayer.zoom(zy: 0.2 + 3 * u, zx: 0.2 + 3 * v, height: h, width: w))
        }
        return result.map(ImageResampler.AffineMap.init)
    }

    func testSpecialisedLoopsGiveTheReferenceBits() {
        var g = SeededGenerator(seed: 17)
        var compared = 0
        for (h, w, c) in Self.shapes {
            let maps = maps(height: h, width: w, generator: &g)
            for fillMode in [FillMode.reflect, .wrap, .nearest, .constant] {
                for interpolation in [Interpolation.bilinear, .nearest] {
                    for fillValue in [0, -0.75] {
                        let options = ResamplingOptions(
                            fillMode: fillMode, interpolation: interpolation, fillValue: fillValue)
                        let fast = ImageResampler(height: h, width: w, channels: c, options: options)
                        let reference = ScalarReferenceResampler(height: h, width: w, channels: c, options: options)
                        for map in maps {
                            let x = (0..<(h * w * c)).map { _ in 2 * g.nextUniformFloat() - 1 }
                            let dy = (0..<(h * w * c)).map { _ in 2 * g.nextUniformFloat() - 1 }
                            let name = "\(h)x\(w)x\(c) \(options.kerasArguments) \(map)"
                            XCTAssertEqual(
                                bits(x) { fast.forward($0, $1, matrix: map) },
                                bits(x) { reference.forward($0, $1, matrix: map) }, "forward \(name)")
                            XCTAssertEqual(
                                bits(dy) { fast.backward($0, $1, matrix: map) },
                                bits(dy) { reference.backward($0, $1, matrix: map) }, "backward \(name)")
                            compared += 1
                        }
                    }
                }
            }
        }
        XCTAssertEqual(compared, 4 * 8 * 2 * 53)
    }

    /// The bit patterns of `body(input, output)`, the output first filled with NaN.
    private func bits(
        _ input: [Float], _ body: (UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void
    ) -> [UInt32] {
        var out = [Float](repeating: .nan, count: input.count)
        input.withUnsafeBufferPointer { i in
            out.withUnsafeMutableBufferPointer { body(i.baseAddress!, $0.baseAddress!) }
        }
        return out.map(\.bitPattern)
    }
}
