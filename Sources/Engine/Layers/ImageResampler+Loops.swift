/// The pixel loops of `ImageResampler`, one specialisation per fill mode (`F`) and interpolation.
/// Each evaluates the documented formulas in the documented order; only the loop structure differs
/// between them.
extension ImageResampler {
    /// One output pixel's bilinear sources: the input pixel indices of (y0, x0), (y0, x1),
    /// (y1, x0), (y1, x1) (−1 = fill) and the factors x1 − x', x' − x0, y1 − y', y' − y0.
    struct BilinearTaps {
        var i0, i1, i2, i3: Int
        var wx0, wx1, wy0, wy1: Float
    }

    /// The input pixel index of (row, column), or −1 outside the image.
    @inline(__always)
    func index(_ row: Double, _ column: Double) -> Int {
        guard row >= 0, row <= Double(height - 1), column >= 0, column <= Double(width - 1) else { return -1 }
        return Int(row) * width + Int(column)
    }

    /// The mapped source coordinates (x', y') of output column `x` in the row whose products
    /// a1·y and b1·y are `a1y` and `b1y`.
    @inline(__always)
    func source<F: CoordinateFill>(_: F.Type, x: Int, a1y: Double, b1y: Double, _ m: AffineMap) -> (Double, Double) {
        (F.map(m.a0 * Double(x) + a1y + m.a2, width), F.map(m.b0 * Double(x) + b1y + m.b2, height))
    }

    @inline(__always)
    func bilinearTaps<F: CoordinateFill>(_: F.Type, x: Int, a1y: Double, b1y: Double, _ m: AffineMap)
        -> BilinearTaps
    {
        let (xs, ys) = source(F.self, x: x, a1y: a1y, b1y: b1y, m)
        let x0 = xs.rounded(.down)
        let y0 = ys.rounded(.down)
        let x1 = x0 + 1
        let y1 = y0 + 1
        return BilinearTaps(
            i0: index(y0, x0), i1: index(y0, x1), i2: index(y1, x0), i3: index(y1, x1),
            wx0: Float(x1 - xs), wx1: Float(xs - x0), wy0: Float(y1 - ys), wy1: Float(ys - y0))
    }

    @inline(__always)
    func nearestTap<F: CoordinateFill>(_: F.Type, x: Int, a1y: Double, b1y: Double, _ m: AffineMap) -> Int {
        let (xs, ys) = source(F.self, x: x, a1y: a1y, b1y: b1y, m)
        return index(ys.rounded(), xs.rounded())
    }

    func forwardBilinear<F: CoordinateFill>(
        _: F.Type, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ m: AffineMap
    ) {
        let fill = Float(options.fillValue)
        let channels = channels
        for y in 0..<height {
            let (a1y, b1y) = (m.a1 * Double(y), m.b1 * Double(y))
            let row = out + y * width * channels
            if channels == 1 {
                for xo in 0..<width {
                    let t = bilinearTaps(F.self, x: xo, a1y: a1y, b1y: b1y, m)
                    let f0 = t.i0 < 0 ? fill : x[t.i0]
                    let f1 = t.i1 < 0 ? fill : x[t.i1]
                    let f2 = t.i2 < 0 ? fill : x[t.i2]
                    let f3 = t.i3 < 0 ? fill : x[t.i3]
                    let top = t.wx0 * f0 + t.wx1 * f1
                    let bottom = t.wx0 * f2 + t.wx1 * f3
                    row[xo] = t.wy0 * top + t.wy1 * bottom
                }
                continue
            }
            for xo in 0..<width {
                let t = bilinearTaps(F.self, x: xo, a1y: a1y, b1y: b1y, m)
                let o = row + xo * channels
                for c in 0..<channels {
                    let f0 = t.i0 < 0 ? fill : x[t.i0 * channels + c]
                    let f1 = t.i1 < 0 ? fill : x[t.i1 * channels + c]
                    let f2 = t.i2 < 0 ? fill : x[t.i2 * channels + c]
                    let f3 = t.i3 < 0 ? fill : x[t.i3 * channels + c]
                    let top = t.wx0 * f0 + t.wx1 * f1
                    let bottom = t.wx0 * f2 + t.wx1 * f3
                    o[c] = t.wy0 * top + t.wy1 * bottom
                }
            }
        }
    }

    func forwardNearest<F: CoordinateFill>(
        _: F.Type, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ m: AffineMap
    ) {
        let fill = Float(options.fillValue)
        let channels = channels
        for y in 0..<height {
            let (a1y, b1y) = (m.a1 * Double(y), m.b1 * Double(y))
            let row = out + y * width * channels
            for xo in 0..<width {
                let i = nearestTap(F.self, x: xo, a1y: a1y, b1y: b1y, m)
                let o = row + xo * channels
                if i < 0 {
                    o.update(repeating: fill, count: channels)
                } else {
                    o.update(from: x + i * channels, count: channels)
                }
            }
        }
    }

    /// Scatters each output's gradient to its four sources with weights wy·wx, in the order
    /// (y0, x0), (y0, x1), (y1, x0), (y1, x1).
    func backwardBilinear<F: CoordinateFill>(
        _: F.Type, _ dy: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>, _ m: AffineMap
    ) {
        let channels = channels
        for y in 0..<height {
            let (a1y, b1y) = (m.a1 * Double(y), m.b1 * Double(y))
            for xo in 0..<width {
                let t = bilinearTaps(F.self, x: xo, a1y: a1y, b1y: b1y, m)
                let g = dy + (y * width + xo) * channels
                scatter(g, dx, t.i0, t.wy0 * t.wx0)
                scatter(g, dx, t.i1, t.wy0 * t.wx1)
                scatter(g, dx, t.i2, t.wy1 * t.wx0)
                scatter(g, dx, t.i3, t.wy1 * t.wx1)
            }
        }
    }

    /// dx[i] += w·g over the channels, unless i is the fill (−1).
    @inline(__always)
    func scatter(_ g: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>, _ i: Int, _ w: Float) {
        guard i >= 0 else { return }
        for c in 0..<channels { dx[i * channels + c] += w * g[c] }
    }

    func backwardNearest<F: CoordinateFill>(
        _: F.Type, _ dy: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>, _ m: AffineMap
    ) {
        let channels = channels
        for y in 0..<height {
            let (a1y, b1y) = (m.a1 * Double(y), m.b1 * Double(y))
            for xo in 0..<width {
                let i = nearestTap(F.self, x: xo, a1y: a1y, b1y: b1y, m)
                guard i >= 0 else { continue }
                let g = dy + (y * width + xo) * channels
                for c in 0..<channels { dx[i * channels + c] += g[c] }
            }
        }
    }
}
