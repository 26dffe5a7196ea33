/// A point in figure coordinates: px at 100 dpi, origin top left, y growing downwards.
public struct Point: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle in figure coordinates (y grows downwards).
public struct Rect: Sendable, Equatable, CustomStringConvertible {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public init(left: Double, top: Double, right: Double, bottom: Double) {
        self.init(x: left, y: top, width: right - left, height: bottom - top)
    }

    public var minX: Double { x }
    public var maxX: Double { x + width }
    public var minY: Double { y }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    public func contains(_ p: Point) -> Bool {
        p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
    }

    public func contains(_ r: Rect, tolerance: Double = 1e-6) -> Bool {
        r.minX >= minX - tolerance && r.maxX <= maxX + tolerance
            && r.minY >= minY - tolerance && r.maxY <= maxY + tolerance
    }

    /// True when the interiors overlap (touching edges do not count).
    public func intersects(_ r: Rect) -> Bool {
        minX < r.maxX && r.minX < maxX && minY < r.maxY && r.minY < maxY
    }

    /// Area of the overlap with `r`, 0 when disjoint.
    public func overlapArea(_ r: Rect) -> Double {
        let w = min(maxX, r.maxX) - max(minX, r.minX)
        let h = min(maxY, r.maxY) - max(minY, r.minY)
        return w > 0 && h > 0 ? w * h : 0
    }

    public func insetBy(_ d: Double) -> Rect {
        Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }

    public func union(_ r: Rect) -> Rect {
        Rect(left: min(minX, r.minX), top: min(minY, r.minY), right: max(maxX, r.maxX), bottom: max(maxY, r.maxY))
    }

    /// Whether the segment a-b passes through the rectangle (Liang-Barsky clipping).
    public func intersectsSegment(_ a: Point, _ b: Point) -> Bool {
        var t0 = 0.0
        var t1 = 1.0
        let dx = b.x - a.x
        let dy = b.y - a.y
        let checks: [(Double, Double)] = [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)]
        for (p, q) in checks {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 {
                    if t > t1 { return false }
                    t0 = max(t0, t)
                } else {
                    if t < t0 { return false }
                    t1 = min(t1, t)
                }
            }
        }
        return t0 <= t1
    }

    public var description: String { "Rect(x: \(x), y: \(y), w: \(width), h: \(height))" }
}
