/// `RandomFlip(mode)`: which axes a flip mirrors (Keras 3 names).
public enum FlipMode: String, Sendable, CaseIterable {
    case horizontal
    case vertical
    case horizontalAndVertical = "horizontal_and_vertical"
}

/// How Keras' image transforms fill points outside the input (`fill_mode`), as TensorFlow's
/// `ImageProjectiveTransformV3` maps a coordinate: reflect `(d c b a | a b c d | d c b a)`, wrap
/// `(a b c d | a b c d | a b c d)`, constant `(k k k k | a b c d | k k k k)` with k = `fill_value`,
/// nearest `(a a a a | a b c d | d d d d)`.
public enum FillMode: String, Sendable, CaseIterable {
    case reflect, wrap, constant, nearest
}

/// Keras' image `interpolation`: `bilinear` (four neighbours) or `nearest` (rounded coordinate).
public enum Interpolation: String, Sendable, CaseIterable {
    case bilinear, nearest
}

/// The resampling settings shared by RandomRotation, RandomTranslation and RandomZoom.
public struct ResamplingOptions: Equatable, Sendable {
    public var fillMode: FillMode
    public var interpolation: Interpolation
    /// The value of points outside the input with `fill_mode="constant"` (Keras' `fill_value`, 0.0).
    public var fillValue: Double

    /// Keras 3's defaults: `fill_mode="reflect"`, `interpolation="bilinear"`, `fill_value=0.0`.
    public static let keras = ResamplingOptions(fillMode: .reflect, interpolation: .bilinear, fillValue: 0)

    public init(fillMode: FillMode, interpolation: Interpolation, fillValue: Double) {
        self.fillMode = fillMode
        self.interpolation = interpolation
        self.fillValue = fillValue
    }

    /// `fill_mode="reflect", interpolation="bilinear", fill_value=0.0` (part of the canonical text).
    public var kerasArguments: String {
        "fill_mode=\"\(fillMode.rawValue)\", interpolation=\"\(interpolation.rawValue)\", fill_value=\(fillValue)"
    }
}

/// A Keras factor range `(lower, upper)`: a single number f means `(-f, f)`.
public struct FactorRange: Equatable, Sendable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// `(-f, f)`, Keras' reading of a single number.
    public init(symmetric f: Double) { self.init(lower: -abs(f), upper: abs(f)) }

    /// `(-0.1, 0.1)`.
    public var python: String { "(\(lower), \(upper))" }
}
