/// The pixel loops of `ImageResampler`, one specialisation per fill mode (`F`) and interpolation.
/// Every path evaluates the documented formulas with the same operations in the same order; only
/// the loop structure differs.
///
/// Separable maps (a1 = b0 = 0: every translation and zoom) take the taps from per-column and
/// per-row tables. This is exact, not an approximation: with a1 = ±0 the product a1·y is the same
/// zero for every row y ≥ 0, so x' = (a0·x + a1·y) + a2 has the same bits in every row; likewise
/// b0·x and y' in every column.
extension ImageResampler {
    /// One output pixel's bilinear sources: the input pixel indices of (y0, x0), (y0, x1),
    /// (y1, x0), (y1, x1) (−1 = fill) and the factors x1 − x', x' − x0, y1 − y', y' − y0.
    struct BilinearTaps {
        var i0, i1, i2, i3: Int
        var wx0, wx1, wy0, wy1: Float
    }

    /// One axis of the bilinear taps: the cell of ⌊c'⌋ (see `cell`) and the factors ⌊c'⌋ + 1 − c'
    /// and c' − ⌊c'⌋.
    struct AxisTap {
        var cell: Int
        var w0, w1: Float
    }

    /// An integer-valued coordinate v as an Int, or −2 (outside the image, and so is −2 + 1) when
    /// |v| ≥ 2^51 or v is NaN. The bounds are then tested in integers: for an integer-valued v,
    /// 0 ≤ v ≤ len − 1 exactly when 0 ≤ Int(v) < len, and likewise for v + 1.
    @inline(__always)
    static func cell(_ v: Double) -> Int { FloatMath.integer(v, outside: -2) }

    /// The input pixel index of (row, column) given as cells, or −1 outside the image.
    @inline(__always)
    func index(row r: Int, column c: Int) -> Int {
        UInt(bitPattern: r) < UInt(height) && UInt(bitPattern: c) < UInt(width) ? r &* width &+ c : -1
    }

    /// The mapped source coordinates (x', y') of output column `x` in the row whose products
    /// a1·y and b1·y are `a1y` and `b1y`.
    @inline(__always)
    func source<F: CoordinateFill>(_: F.Type, x: Int, a1y: Double, b1y: Double, _ m: AffineMap) -> (Double, Double) {
        (F.map(m.a0 * Double(x) + a1y + m.a2, width), F.map(m.b0 * Double(x) + b1y + m.b2, height))
    }

    /// The bilinear taps of one axis for the mapped coordinate c'.
    @inline(__always)
    static func axisTap(_ c: Double) -> AxisTap {
        let c0 = FloatMath.floor(c)
        let c1 = c0 + 1
        return AxisTap(cell: cell(c0), w0: Float(c1 - c), w1: Float(c - c0))
    }

    @inline(__always)
    func bilinearTaps(column u: AxisTap, row v: AxisTap) -> BilinearTaps {
        BilinearTaps(
            i0: index(row: v.cell, column: u.cell), i1: index(row: v.cell, column: u.cell &+ 1),
            i2: index(row: v.cell &+ 1, column: u.cell), i3: index(row: v.cell &+ 1, column: u.cell &+ 1),
            wx0: u.w0, wx1: u.w1, wy0: v.w0, wy1: v.w1)
    }

    @inline(__always)
    func bilinearTaps<F: CoordinateFill>(_: F.Type, x: Int, a1y: Double, b1y: Double, _ m: AffineMap)
        -> BilinearTaps
    {
        let (xs, ys) = source(F.self, x: x, a1y: a1y, b1y: b1y, m)
        return bilinearTaps(column: Self.axisTap(xs), row: Self.axisTap(ys))
    }

    /// The nearest-interpolation cell of the mapped coordinate c' (halves away from zero).
    @inline(__always)
    static func nearestCell(_ c: Double) -> Int { cell(FloatMath.round(c)) }

    /// Calls `body(columns, rows)` with the axis taps of a separable map (a1 = b0 = 0), computed
    /// by `tap` from x' of each column (in row 0) and y' of each row (in column 0).
    @inline(__always)
    func withSeparableTaps<F: CoordinateFill, T>(
        _: F.Type, _ m: AffineMap, tap: (Double) -> T,
        _ body: (UnsafeMutableBufferPointer<T>, UnsafeMutableBufferPointer<T>) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: T.self, capacity: width) { columns in
            withUnsafeTemporaryAllocation(of: T.self, capacity: height) { rows in
                let (a10, b10) = (m.a1 * Double(0), m.b1 * Double(0))
                for x in 0..<width {
                    columns.initializeElement(at: x, to: tap(source(F.self, x: x, a1y: a10, b1y: b10, m).0))
                }
                for y in 0..<height {
                    let (a1y, b1y) = (m.a1 * Double(y), m.b1 * Double(y))
                    rows.initializeElement(at: y, to: tap(source(F.self, x: 0, a1y: a1y, b1y: b1y, m).1))
                }
                body(columns, rows)
            }
        }
    }

    /// out = Σ over the four taps of `t`, in the documented order, for each channel.
    @inline(__always)
    func blend(_ t: BilinearTaps, _ x: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, fill: Float) {
        if channels == 1 {
            let f0 = t.i0 < 0 ? fill : x[t.i0]
            let f1 = t.i1 < 0 ? fill : x[t.i1]
            let f2 = t.i2 < 0 ? fill : x[t.i2]
            let f3 = t.i3 < 0 ? fill : x[t.i3]
            let top = t.wx0 * f0 + t.wx1 * f1
            let bottom = t.wx0 * f2 + t.wx1 * f3
            o[0] = t.wy0 * top + t.wy1 * bottom
            return
        }
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

    /// out = the input pixel `i`'s channels, or the fill value when i = −1.
    @inline(__always)
    func pick(_ i: Int, _ x: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, fill: Float) {
        if i < 0 {
            o.update(repeating: fill, count: channels)
        } else {
            o.update(from: x + i * channels, count: channels)
        }
    }

    func forwardBilinear<F: CoordinateFill>(
        _: F.Type, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ m: AffineMap
    ) {
        let fill = Float(options.fillValue)
        if m.a1 == 0 && m.b0 == 0 {
            withSeparableTaps(F.self, m, tap: Self.axisTap) { columns, rows in
                for y in 0..<height {
                    let row = out + y * width * channels
                    for xo in 0..<width {
                        blend(bilinearTaps(column: columns[xo], row: rows[y]), x, row + xo * channels, fill: fill)
                    }
                }
            }
            return
        }
        for y in 0..<height {
            let (a1y, b1y) = (m.a1 * Double(y), m.b1 * Double(y))
            let row = out + y * width * channels
            for xo in 0..<width {
                blend(bilinearTaps(F.self, x: xo, a1y: a1y, b1y: b1y, m), x, row + xo * channels, fill: fill)
            }
        }
    }

    func forwardNearest<F: CoordinateFill>(
        _: F.Type, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ m: AffineMap
    ) {
        let fill = Float(options.fillValue)
        if m.a1 == 0 && m.b0 == 0 {
            withSeparableTaps(F.self, m, tap: Self.nearestCell) { columns, rows in
                for y in 0..<height {
                    let row = out + y * width * channels
                    for xo in 0..<width {
                        pick(index(row: rows[y], column: columns[xo]), x, row + xo * channels, fill: fill)
                    }
                }
            }
            return
        }
        for y in 0..<height {
            let (a1y, b1y) = (m.a1 * Double(y), m.b1 * Double(y))
            let row = out + y * width * channels
            for xo in 0..<width {
                let (xs, ys) = source(F.self, x: xo, a1y: a1y, b1y: b1y, m)
                pick(index(row: Self.nearestCell(ys), column: Self.nearestCell(xs)), x, row + xo * channels, fill: fill)
            }
        }
    }

    /// Scatters each output's gradient to its four sources with weights wy·wx, in the order
    /// (y0, x0), (y0, x1), (y1, x0), (y1, x1). (Not specialised for separable maps: the
    /// augmentation layers open a network, where no input gradient is asked for.)
    func backwardBilinear<F: CoordinateFill>(
        _: F.Type, _ dy: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>, _ m: AffineMap
    ) {
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
        for y in 0..<height {
            let (a1y, b1y) = (m.a1 * Double(y), m.b1 * Double(y))
            for xo in 0..<width {
                let (xs, ys) = source(F.self, x: xo, a1y: a1y, b1y: b1y, m)
                let i = index(row: Self.nearestCell(ys), column: Self.nearestCell(xs))
                guard i >= 0 else { continue }
                let g = dy + (y * width + xo) * channels
                for c in 0..<channels { dx[i * channels + c] += g[c] }
            }
        }
    }
}
