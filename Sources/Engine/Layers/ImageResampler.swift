/// Resamples one HWC image through an affine map from output to input coordinates, with Keras'
/// `fill_mode` and `interpolation` as TensorFlow's `ImageProjectiveTransformV3` computes them.
///
/// Output pixel (x, y) (column, row) reads the input at
///     x' = a0·x + a1·y + a2,   y' = b0·x + b1·y + b2,
/// evaluated left to right in double, ((a0·x) + (a1·y)) + a2. Each coordinate is first mapped into
/// the image by the fill mode (`CoordinateFill`: reflect about the edge of the last pixel, wrap,
/// clamp to the nearest, or kept for constant), then
/// - bilinear: x0 = ⌊x'⌋, x1 = x0 + 1 (same for y), and
///   out = (y1 − y')·((x1 − x')·f(y0, x0) + (x' − x0)·f(y0, x1)) + (y' − y0)·((x1 − x')·f(y1, x0) + (x' − x0)·f(y1, x1));
/// - nearest: f(round(y'), round(x')), halves away from zero;
/// where f reads `fillValue` outside the image. The weights are rounded to Float once; the sums
/// above are evaluated in that order in Float.
///
/// The pixel loops (`ImageResampler+Loops.swift`) are compiled once per fill mode and
/// interpolation, so no option is switched on per pixel; the row products a1·y and b1·y are formed
/// once per row (the same products, so the same bits). Backward recomputes the taps with the same
/// code rather than storing them in forward: the augmentation layers open a network, where no
/// input gradient is asked for, and storing 32 bytes per pixel would slow the forward pass.
struct ImageResampler {
    let height: Int
    let width: Int
    let channels: Int
    let options: ResamplingOptions

    /// An output-to-input map x' = a0·x + a1·y + a2, y' = b0·x + b1·y + b2.
    struct AffineMap: Equatable {
        var a0, a1, a2, b0, b1, b2: Double

        init(_ m: [Double]) { (a0, a1, a2, b0, b1, b2) = (m[0], m[1], m[2], m[3], m[4], m[5]) }
    }

    /// out = resampled `x` (one image) under `matrix`.
    func forward(_ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, matrix: AffineMap) {
        switch (options.fillMode, options.interpolation) {
        case (.constant, .bilinear): forwardBilinear(ConstantFill.self, x, out, matrix)
        case (.nearest, .bilinear): forwardBilinear(NearestFill.self, x, out, matrix)
        case (.reflect, .bilinear): forwardBilinear(ReflectFill.self, x, out, matrix)
        case (.wrap, .bilinear): forwardBilinear(WrapFill.self, x, out, matrix)
        case (.constant, .nearest): forwardNearest(ConstantFill.self, x, out, matrix)
        case (.nearest, .nearest): forwardNearest(NearestFill.self, x, out, matrix)
        case (.reflect, .nearest): forwardNearest(ReflectFill.self, x, out, matrix)
        case (.wrap, .nearest): forwardNearest(WrapFill.self, x, out, matrix)
        }
    }

    /// dx = the transpose of `forward` applied to `dy` (one image): each output's gradient is
    /// scattered to its sources with their weights, output pixels in row-major order.
    func backward(_ dy: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>, matrix: AffineMap) {
        dx.update(repeating: 0, count: height * width * channels)
        switch (options.fillMode, options.interpolation) {
        case (.constant, .bilinear): backwardBilinear(ConstantFill.self, dy, dx, matrix)
        case (.nearest, .bilinear): backwardBilinear(NearestFill.self, dy, dx, matrix)
        case (.reflect, .bilinear): backwardBilinear(ReflectFill.self, dy, dx, matrix)
        case (.wrap, .bilinear): backwardBilinear(WrapFill.self, dy, dx, matrix)
        case (.constant, .nearest): backwardNearest(ConstantFill.self, dy, dx, matrix)
        case (.nearest, .nearest): backwardNearest(NearestFill.self, dy, dx, matrix)
        case (.reflect, .nearest): backwardNearest(ReflectFill.self, dy, dx, matrix)
        case (.wrap, .nearest): backwardNearest(WrapFill.self, dy, dx, matrix)
        }
    }
}
