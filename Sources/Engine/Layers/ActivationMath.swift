/// Forward and backward of the activation functions on contiguous rows, in place. exp, tanh and
/// sigmoid are the engine's own (`FloatMath`); sums run in index order, each operation rounded.
///
/// Backward uses the output y only: relu' = [y > 0]; sigmoid' = y (1 - y); tanh' = 1 - y^2;
/// softmax: dx_i = y_i (dy_i - sum_j dy_j y_j) per row of `width` elements.
enum ActivationMath {
    /// y = act(y + bias) in place for `rows` rows of `width` elements `stride` apart; `bias` may be
    /// nil. Softmax needs whole rows (width == stride).
    static func biasForward(
        _ activation: Activation, _ y: UnsafeMutablePointer<Float>, rows: Int, width: Int,
        stride: Int, bias: UnsafePointer<Float>?
    ) {
        precondition(activation != .softmax || width == stride, "softmax needs whole rows")
        for r in 0..<rows {
            let row = y + r * stride
            if let bias {
                if activation == .relu {
                    reluBiasRow(row, bias, width)
                    continue
                }
                for j in 0..<width { row[j] += bias[j] }
            }
            forward(activation, row, rows: 1, width: width)
        }
    }

    /// y = act(y) in place.
    static func forward(_ activation: Activation, _ y: UnsafeMutablePointer<Float>, rows: Int, width: Int) {
        let n = rows * width
        switch activation {
        case .linear: return
        case .relu: for i in 0..<n { y[i] = max(y[i], 0) }
        case .sigmoid: for i in 0..<n { y[i] = FloatMath.sigmoid(y[i]) }
        case .tanh: for i in 0..<n { y[i] = FloatMath.tanh(y[i]) }
        case .softmax: for r in 0..<rows { softmaxRow(y + r * width, width) }
        }
    }

    /// softmax(x)_i = e^(x_i - max) / sum_j e^(x_j - max), in place.
    static func softmaxRow(_ x: UnsafeMutablePointer<Float>, _ n: Int) {
        var m = -Float.infinity
        for i in 0..<n { m = max(m, x[i]) }
        var s: Float = 0
        for i in 0..<n {
            x[i] = FloatMath.exp(x[i] - m)
            s += x[i]
        }
        let inv = 1 / s
        for i in 0..<n { x[i] *= inv }
    }

    /// dy <- dL/dx given y = act(x), in place.
    static func backward(
        _ activation: Activation, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
        rows: Int, width: Int
    ) {
        let n = rows * width
        switch activation {
        case .linear: return
        case .relu: reluBackward(y: y, dy: dy, count: n)
        case .sigmoid: for i in 0..<n { dy[i] *= y[i] * (1 - y[i]) }
        case .tanh: for i in 0..<n { dy[i] *= 1 - y[i] * y[i] }
        case .softmax:
            for r in 0..<rows {
                let yr = y + r * width
                let dr = dy + r * width
                var dot: Float = 0
                for j in 0..<width { dot += dr[j] * yr[j] }
                for j in 0..<width { dr[j] = yr[j] * (dr[j] - dot) }
            }
        }
    }

    /// column sums: out[j] = sum_r m[r, j], rows in increasing order (four columns per SIMD lane
    /// group; each column's sum is still taken row by row, so the result equals the scalar loop).
    static func columnSums(_ m: UnsafePointer<Float>, rows: Int, width: Int, into out: UnsafeMutablePointer<Float>) {
        var j = 0
        let raw = UnsafeRawPointer(m)
        while j + 4 <= width {
            var acc = SIMD4<Float>()
            for r in 0..<rows { acc += raw.loadUnaligned(fromByteOffset: (r * width + j) * 4, as: SIMD4<Float>.self) }
            UnsafeMutableRawPointer(out + j).storeBytes(of: acc, as: SIMD4<Float>.self)
            j += 4
        }
        while j < width {
            var acc: Float = 0
            for r in 0..<rows { acc += m[r * width + j] }
            out[j] = acc
            j += 1
        }
    }

    /// row = max(row + bias, 0), four lanes at a time.
    @inline(__always) static func reluBiasRow(
        _ row: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>, _ width: Int
    ) {
        var j = 0
        let r = UnsafeMutableRawPointer(row)
        let b = UnsafeRawPointer(bias)
        while j + 4 <= width {
            var v =
                r.loadUnaligned(fromByteOffset: j * 4, as: SIMD4<Float>.self)
                + b.loadUnaligned(fromByteOffset: j * 4, as: SIMD4<Float>.self)
            v.replace(with: 0, where: v .< 0)
            r.storeBytes(of: v, toByteOffset: j * 4, as: SIMD4<Float>.self)
            j += 4
        }
        while j < width {
            row[j] = max(row[j] + bias[j], 0)
            j += 1
        }
    }

    /// dy = y > 0 ? dy : 0, four lanes at a time.
    static func reluBackward(y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>, count n: Int) {
        var i = 0
        let ry = UnsafeRawPointer(y)
        let rd = UnsafeMutableRawPointer(dy)
        while i + 4 <= n {
            var d = rd.loadUnaligned(fromByteOffset: i * 4, as: SIMD4<Float>.self)
            d.replace(with: 0, where: ry.loadUnaligned(fromByteOffset: i * 4, as: SIMD4<Float>.self) .<= 0)
            rd.storeBytes(of: d, toByteOffset: i * 4, as: SIMD4<Float>.self)
            i += 4
        }
        while i < n {
            dy[i] = y[i] > 0 ? dy[i] : 0
            i += 1
        }
    }
}
