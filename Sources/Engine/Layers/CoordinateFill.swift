/// A Keras `fill_mode` as a coordinate map into [0, len − 1] (TensorFlow's
/// `ImageProjectiveTransformV3`), one type per mode so that `ImageResampler`'s pixel loops are
/// specialised for it. `constant` keeps the coordinate (points outside read the fill value).
protocol CoordinateFill {
    /// The coordinate c on an axis of `len` pixels, mapped into the image.
    static func map(_ c: Double, _ len: Int) -> Double
}

/// `fill_mode="constant"`: the coordinate is kept.
enum ConstantFill: CoordinateFill {
    @inline(__always) static func map(_ c: Double, _ len: Int) -> Double { c }
}

/// `fill_mode="nearest"`: clamped to the nearest edge pixel.
enum NearestFill: CoordinateFill {
    @inline(__always) static func map(_ c: Double, _ len: Int) -> Double { min(max(c, 0), Double(len) - 1) }
}

/// `fill_mode="reflect"`: reflected about the edge of the last pixel (d c b a | a b c d | d c b a),
/// then clamped.
enum ReflectFill: CoordinateFill {
    @inline(__always) static func map(_ c: Double, _ len: Int) -> Double {
        if len <= 1 { return 0 }
        let n = Double(len)
        var v = c
        let period = 2 * n
        if v < 0 {
            v += period * (-v / period).rounded(.towardZero)
            v = v < -n ? v + period : -v - 1
        } else if v > n - 1 {
            v -= period * (v / period).rounded(.towardZero)
            if v >= n { v = period - v - 1 }
        }
        return min(max(v, 0), n - 1)
    }
}

/// `fill_mode="wrap"`: wrapped around to the opposite edge (a b c d | a b c d | a b c d), then clamped.
enum WrapFill: CoordinateFill {
    @inline(__always) static func map(_ c: Double, _ len: Int) -> Double {
        if len <= 1 { return 0 }
        let n = Double(len)
        var v = c
        let span = n - 1
        if v < 0 {
            v += n * ((-v / span).rounded(.towardZero) + 1)
        } else if v > n - 1 {
            v -= n * (v / span).rounded(.towardZero)
        }
        return min(max(v, 0), n - 1)
    }
}
