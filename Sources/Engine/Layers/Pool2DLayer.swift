/// Keras `MaxPooling2D` and `AveragePooling2D` (channels_last), TensorFlow padding rules.
///
/// Max: y = max over the window's cells inside the input (padding never wins); the position of the
/// first maximum is kept so the gradient goes to that one element. Average: y = mean over the
/// window's cells inside the input (padded cells are not counted, as TensorFlow's avg_pool).
final class Pool2DLayer: Layer {
    enum Kind { case max, average }
    let kind: Kind
    let geometry: WindowGeometry
    let parameters: [Parameter] = []
    var inputSize: Int { geometry.inputSize }
    var outputSize: Int { geometry.outputPixels * geometry.channels }
    private let argmax = IndexBuffer(count: 1)

    init(kind: Kind, input: [Int], poolSize: [Int], strides: [Int]?, padding: Padding) {
        self.kind = kind
        geometry = WindowGeometry(input: input, kernel: poolSize, strides: strides ?? poolSize, padding: padding)
    }

    func reserve(batch: Int) {
        if kind == .max { argmax.reserve(batch * outputSize) }
    }

    /// The input rows and columns a window covers, clipped to the input.
    @inline(__always) private func window(_ oy: Int, _ ox: Int) -> (Range<Int>, Range<Int>) {
        let g = geometry
        let y0 = oy * g.strideY - g.padTop, x0 = ox * g.strideX - g.padLeft
        return (max(y0, 0)..<min(y0 + g.kernelHeight, g.height), max(x0, 0)..<min(x0 + g.kernelWidth, g.width))
    }

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, pass: Pass) {
        reserve(batch: batch)
        let g = geometry, c = g.channels, outSize = outputSize
        let arg = argmax.pointer
        WorkSplit.run(chunks: batch, threads: pass.threads) { s, _ in
            let xs = x + s * g.inputSize, ys = y + s * outSize, args = arg + s * outSize
            for oy in 0..<g.outHeight {
                for ox in 0..<g.outWidth {
                    let (rows, cols) = window(oy, ox)
                    let o = (oy * g.outWidth + ox) * c
                    switch kind {
                    case .max:
                        let first = (rows.lowerBound * g.width + cols.lowerBound) * c
                        for ch in 0..<c { ys[o + ch] = xs[first + ch]; args[o + ch] = Int32(first + ch) }
                        for iy in rows {
                            for ix in cols {
                                let base = (iy * g.width + ix) * c
                                for ch in 0..<c where xs[base + ch] > ys[o + ch] {
                                    ys[o + ch] = xs[base + ch]
                                    args[o + ch] = Int32(base + ch)
                                }
                            }
                        }
                    case .average:
                        for ch in 0..<c { ys[o + ch] = 0 }
                        for iy in rows {
                            for ix in cols {
                                let base = (iy * g.width + ix) * c
                                for ch in 0..<c { ys[o + ch] += xs[base + ch] }
                            }
                        }
                        let scale = 1 / Float(rows.count * cols.count)
                        for ch in 0..<c { ys[o + ch] *= scale }
                    }
                }
            }
        }
    }

    func backward(x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
                  dx: UnsafeMutablePointer<Float>?, batch: Int, pass: Pass) {
        guard let dx else { return }
        let g = geometry, c = g.channels, outSize = outputSize
        let arg = UnsafePointer(argmax.pointer)
        WorkSplit.run(chunks: batch, threads: pass.threads) { s, _ in
            let dxs = dx + s * g.inputSize, dys = dy + s * outSize
            dxs.update(repeating: 0, count: g.inputSize)
            switch kind {
            case .max:
                let args = arg + s * outSize
                for o in 0..<outSize { dxs[Int(args[o])] += dys[o] }
            case .average:
                for oy in 0..<g.outHeight {
                    for ox in 0..<g.outWidth {
                        let (rows, cols) = window(oy, ox)
                        let o = (oy * g.outWidth + ox) * c
                        let scale = 1 / Float(rows.count * cols.count)
                        for iy in rows {
                            for ix in cols {
                                let base = (iy * g.width + ix) * c
                                for ch in 0..<c { dxs[base + ch] += dys[o + ch] * scale }
                            }
                        }
                    }
                }
            }
        }
    }
}
