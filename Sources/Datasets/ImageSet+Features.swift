/// Conversion of byte pixels to the floats a network consumes.
extension ImageSet {
    /// All pixels as `Float(Double(p) / Double(scale))`, in `pixels` order.
    ///
    /// This is NumPy's `x / 255.0` (float64 division) followed by Keras' cast to float32, so each
    /// value is the correctly rounded float32 of the exact quotient, bit for bit the same as the
    /// Keras pipeline. Computed through a 256-entry table: one load per pixel.
    public func features(scale: Float) -> [Float] {
        precondition(scale != 0 && scale.isFinite, "ImageSet.features: scale must be finite and non-zero, got \(scale)")
        let table = Self.scaleTable(scale)
        let n = pixels.count
        return [Float](unsafeUninitializedCapacity: n) { out, initialized in
            table.withUnsafeBufferPointer { t in
                pixels.withUnsafeBufferPointer { p in
                    for i in 0..<n { out[i] = t[Int(p[i])] }
                }
            }
            initialized = n
        }
    }

    /// The float value of every byte 0...255 divided by `scale` (see `features(scale:)`).
    static func scaleTable(_ scale: Float) -> [Float] {
        (0..<256).map { Float(Double($0) / Double(scale)) }
    }
}
