/// An sRGB colour with alpha, components in 0...1.
public struct Color: Sendable, Equatable {
    public var r: Double
    public var g: Double
    public var b: Double
    public var a: Double

    public init(r: Double, g: Double, b: Double, a: Double = 1) {
        self.r = r
        self.g = g
        self.b = b
        self.a = a
    }

    /// From 0xRRGGBB.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(
            r: Double((hex >> 16) & 0xff) / 255, g: Double((hex >> 8) & 0xff) / 255,
            b: Double(hex & 0xff) / 255, a: alpha)
    }

    /// A gray level, 0 black ... 1 white.
    public static func gray(_ v: Double, alpha: Double = 1) -> Color { Color(r: v, g: v, b: v, a: alpha) }

    public static let black = Color.gray(0)
    public static let white = Color.gray(1)

    public func withAlpha(_ a: Double) -> Color { Color(r: r, g: g, b: b, a: a) }

    /// Relative luminance (ITU-R BT.709 weights on the sRGB components), to pick readable text.
    public var luminance: Double { 0.2126 * r + 0.7152 * g + 0.0722 * b }

    /// matplotlib's default colour cycle "tab10" (Tableau 10).
    public static let tab10: [Color] = [
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
        0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    ].map { Color(hex: $0) }

    /// The n-th colour of the cycle, wrapping around.
    public static func cycle(_ n: Int) -> Color { tab10[n % tab10.count] }

    /// matplotlib's "viridis" at t in 0...1: linear interpolation between its colours at
    /// t = 0, 1/9, ..., 1 (the 10-step viridis palette), within about 2/255 of the full table.
    public static func viridis(_ t: Double) -> Color {
        let stops: [UInt32] = [
            0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e,
            0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725,
        ]
        let u = min(max(t.isFinite ? t : 0, 0), 1) * Double(stops.count - 1)
        let i = min(Int(u), stops.count - 2)
        let f = u - Double(i)
        let a = Color(hex: stops[i])
        let b = Color(hex: stops[i + 1])
        return Color(r: a.r + (b.r - a.r) * f, g: a.g + (b.g - a.g) * f, b: a.b + (b.b - a.b) * f)
    }
}
