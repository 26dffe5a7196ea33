@testable import Engine

/// The first, per-pixel scalar `ImageResampler` (taps recomputed per pixel and in backward, the fill
/// mode and interpolation switched inside the pixel loop), kept unchanged as the bit-exact reference
/// for the specialised loops: `ResamplerBitIdentityTests` requires equal bits for every option.
struct ScalarReferenceResampler {
    let height: Int
    let width: Int
    let channels: Int
    let options: ResamplingOptions

    typealias AffineMap = ImageResampler.AffineMap

    /// One output pixel's sources: up to four input pixel indices (-1 = fill) and their weights.
    struct Taps {
        var index: (Int, Int, Int, Int)
        var weight: (Float, Float, Float, Float)
    }

    /// The sources of output pixel (x, y) under `m`.
    @inline(__always)
    func taps(x: Int, y: Int, matrix m: AffineMap) -> Taps {
        let xs = map(m.a0 * Double(x) + m.a1 * Double(y) + m.a2, width)
        let ys = map(m.b0 * Double(x) + m.b1 * Double(y) + m.b2, height)
        func at(_ row: Double, _ column: Double) -> Int {
            guard row >= 0, row <= Double(height - 1), column >= 0, column <= Double(width - 1) else { return -1 }
            return Int(row) * width + Int(column)
        }
        switch options.interpolation {
        case .nearest:
            return Taps(index: (at(ys.rounded(), xs.rounded()), -1, -1, -1), weight: (1, 0, 0, 0))
        case .bilinear:
            let x0 = xs.rounded(.down)
            let y0 = ys.rounded(.down)
            let x1 = x0 + 1
            let y1 = y0 + 1
            // The weights of (y0, x0), (y0, x1), (y1, x0), (y1, x1), kept as the factors of the formula.
            return Taps(
                index: (at(y0, x0), at(y0, x1), at(y1, x0), at(y1, x1)),
                weight: (Float(x1 - xs), Float(xs - x0), Float(y1 - ys), Float(ys - y0)))
        }
    }

    /// A coordinate mapped into [0, len − 1] by the fill mode (constant keeps it).
    @inline(__always)
    func map(_ c: Double, _ len: Int) -> Double {
        let n = Double(len)
        var v = c
        switch options.fillMode {
        case .constant:
            return c
        case .nearest:
            break
        case .reflect:
            if len <= 1 { return 0 }
            let period = 2 * n
            if v < 0 {
                v += period * (-v / period).rounded(.towardZero)
                v = v < -n ? v + period : -v - 1
            } else if v > n - 1 {
                v -= period * (v / period).rounded(.towardZero)
                if v >= n { v = period - v - 1 }
            }
        case .wrap:
            if len <= 1 { return 0 }
            let span = n - 1
            if v < 0 {
                v += n * ((-v / span).rounded(.towardZero) + 1)
            } else if v > n - 1 {
                v -= n * (v / span).rounded(.towardZero)
            }
        }
        return min(max(v, 0), n - 1)
    }

    /// out = resampled `x` (one image) under `matrix`.
    func forward(_ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, matrix: AffineMap) {
        let fill = Float(options.fillValue)
        let bilinear = options.interpolation == .bilinear
        for y in 0..<height {
            for xo in 0..<width {
                let t = taps(x: xo, y: y, matrix: matrix)
                let o = out + (y * width + xo) * channels
                let (i0, i1, i2, i3) = t.index
                if !bilinear {
                    for c in 0..<channels { o[c] = i0 < 0 ? fill : x[i0 * channels + c] }
                    continue
                }
                for c in 0..<channels {
                    let f0 = i0 < 0 ? fill : x[i0 * channels + c]
                    let f1 = i1 < 0 ? fill : x[i1 * channels + c]
                    let f2 = i2 < 0 ? fill : x[i2 * channels + c]
                    let f3 = i3 < 0 ? fill : x[i3 * channels + c]
                    let top = t.weight.0 * f0 + t.weight.1 * f1
                    let bottom = t.weight.0 * f2 + t.weight.1 * f3
                    o[c] = t.weight.2 * top + t.weight.3 * bottom
                }
            }
        }
    }

    /// dx = the transpose of `forward` applied to `dy` (one image): each output's gradient is
    /// scattered to its sources with their weights, output pixels in row-major order.
    func backward(_ dy: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>, matrix: AffineMap) {
        dx.update(repeating: 0, count: height * width * channels)
        for y in 0..<height {
            for xo in 0..<width {
                let t = taps(x: xo, y: y, matrix: matrix)
                let g = dy + (y * width + xo) * channels
                switch options.interpolation {
                case .nearest:
                    if t.index.0 >= 0 { for c in 0..<channels { dx[t.index.0 * channels + c] += g[c] } }
                case .bilinear:
                    func scatter(_ i: Int, _ w: Float) {
                        guard i >= 0 else { return }
                        for c in 0..<channels { dx[i * channels + c] += w * g[c] }
                    }
                    scatter(t.index.0, t.weight.2 * t.weight.0)
                    scatter(t.index.1, t.weight.2 * t.weight.1)
                    scatter(t.index.2, t.weight.3 * t.weight.0)
                    scatter(t.index.3, t.weight.3 * t.weight.1)
                }
            }
        }
    }
}
